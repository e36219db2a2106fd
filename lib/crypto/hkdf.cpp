#include "crypto/hkdf.hpp"

#include <stdexcept>

#include <openssl/crypto.h>

#include "crypto/hmac.hpp"

namespace ltc::crypto {

namespace {
constexpr std::size_t hash_len = 32;
}

std::string hkdf_extract(std::string_view salt, std::string_view ikm) {
    const std::string zeros(hash_len, '\0');
    return hmac_sha256(salt.empty() ? std::string_view(zeros) : salt, ikm);
}

std::string hkdf_expand(std::string_view prk, std::string_view info, std::size_t length) {
    if (length > 255 * hash_len) throw std::invalid_argument("HKDF output too long");
    std::string okm;
    okm.reserve(length + hash_len);
    std::string t;
    for (unsigned counter = 1; okm.size() < length; ++counter) {
        std::string input = t;
        input.append(info);
        input.push_back(static_cast<char>(counter));
        t = hmac_sha256(prk, input);
        okm += t;
    }
    okm.resize(length);
    return okm;
}

std::string hkdf_sha256(std::string_view salt, std::string_view ikm, std::string_view info,
                        std::size_t length) {
    std::string prk = hkdf_extract(salt, ikm);
    std::string okm = hkdf_expand(prk, info, length);
    OPENSSL_cleanse(prk.data(), prk.size());
    return okm;
}

KeyRing::KeyRing(std::string secret, int version)
    : prk_(hkdf_extract("lifetimecircle-v" + std::to_string(version), secret)),
      version_(version) {
    OPENSSL_cleanse(secret.data(), secret.size());
    for (const std::string_view label : key_label::all) derived_.emplace(label, hkdf_expand(prk_, label, hash_len));
}

std::string KeyRing::key_for(std::string_view label) const {
    if (const auto known = derived_.find(label); known != derived_.end()) return known->second;
    return hkdf_expand(prk_, label, hash_len);
}

}  // namespace ltc::crypto
