#include "crypto/hmac.hpp"

#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace ltc::crypto {

namespace {

std::string hmac(const EVP_MD* md, std::string_view key, std::string_view message) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int out_len = 0;
    // A non-null key pointer even for an empty key: OpenSSL treats a null key as "reuse".
    static const unsigned char empty = 0;
    const void* key_ptr = key.empty() ? static_cast<const void*>(&empty) : key.data();
    const unsigned char* data =
        message.empty() ? &empty : reinterpret_cast<const unsigned char*>(message.data());
    if (HMAC(md, key_ptr, static_cast<int>(key.size()), data, message.size(), out, &out_len) ==
        nullptr) {
        throw std::runtime_error("HMAC failed");
    }
    return std::string(reinterpret_cast<const char*>(out), out_len);
}

}  // namespace

std::string hmac_sha256(std::string_view key, std::string_view message) {
    return hmac(EVP_sha256(), key, message);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
    return to_hex(hmac_sha256(key, message));
}

std::string hmac_sha1(std::string_view key, std::string_view message) {
    return hmac(EVP_sha1(), key, message);
}

std::string to_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

}  // namespace ltc::crypto
