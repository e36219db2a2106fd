#include "crypto/hmac.hpp"

#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/hmac.h>
#include <openssl/params.h>

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

struct MacContextFree {
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); }
};
using MacContext = std::unique_ptr<EVP_MAC_CTX, MacContextFree>;

// OpenSSL 3's one-shot HMAC() looks the algorithm up and keys it on every call — a tenth of a
// signed-in request's own CPU (the token's hash, the client address's hash). A context keyed
// once is kept per thread and copied for each message. The keys are the per-purpose keys of
// the KeyRing, a handful: past `kept_keys` a new key is keyed for its call only.
MacContext keyed_sha256_context(std::string_view key) {
    constexpr std::size_t kept_keys = 16;
    thread_local std::vector<std::pair<std::string, MacContext>> keyed;
    for (const auto& [kept_key, kept] : keyed) {
        if (kept_key == key) return MacContext(EVP_MAC_CTX_dup(kept.get()));
    }
    static EVP_MAC* const algorithm = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    MacContext context(algorithm ? EVP_MAC_CTX_new(algorithm) : nullptr);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_construct_end()};
    if (!context || EVP_MAC_init(context.get(), reinterpret_cast<const unsigned char*>(key.data()), key.size(), params) != 1) {
        throw std::runtime_error("HMAC key setup failed");
    }
    if (keyed.size() < kept_keys) keyed.emplace_back(std::string(key), MacContext(EVP_MAC_CTX_dup(context.get())));
    return context;
}

}  // namespace

std::string hmac_sha256(std::string_view key, std::string_view message) {
    if (key.empty()) return hmac(EVP_sha256(), key, message);
    unsigned char out[EVP_MAX_MD_SIZE];
    std::size_t out_len = 0;
    const MacContext context = keyed_sha256_context(key);
    if (!context || EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
        EVP_MAC_final(context.get(), out, &out_len, sizeof out) != 1) {
        throw std::runtime_error("HMAC failed");
    }
    return std::string(reinterpret_cast<const char*>(out), out_len);
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
