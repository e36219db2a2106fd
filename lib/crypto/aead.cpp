#include "crypto/aead.hpp"

#include <climits>
#include <memory>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "crypto/random.hpp"

namespace ltc::crypto {

namespace {

struct CtxFree {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

const unsigned char* bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

int int_size(std::string_view s) {
    if (s.size() > static_cast<std::size_t>(INT_MAX / 2)) throw std::length_error("AEAD input too large");
    return static_cast<int>(s.size());
}

// Fetched once: the legacy EVP_aes_256_gcm() makes OpenSSL 3 look the cipher up on every init.
const EVP_CIPHER* aes_256_gcm() {
    static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    if (!cipher) throw std::runtime_error("AES-256-GCM is not available");
    return cipher;
}

Ctx new_ctx(std::string_view key) {
    if (key.size() != aead_key_size) throw std::invalid_argument("AES-256-GCM needs a 32-byte key");
    Ctx ctx(EVP_CIPHER_CTX_new());
    if (!ctx) throw std::runtime_error("EVP_CIPHER_CTX_new failed");
    return ctx;
}

}  // namespace

std::string aead_encrypt(std::string_view key, std::string_view plaintext,
                         std::string_view associated_data) {
    Ctx ctx = new_ctx(key);
    const std::string nonce = random_bytes(aead_nonce_size);
    std::string out = nonce;
    out.resize(aead_nonce_size + plaintext.size() + aead_tag_size);
    unsigned char* ct = bytes(out) + aead_nonce_size;
    int len = 0;
    if (EVP_EncryptInit_ex(ctx.get(), aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(aead_nonce_size),
                            nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) != 1) {
        throw std::runtime_error("AES-GCM init failed");
    }
    if (!associated_data.empty() &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(associated_data),
                          int_size(associated_data)) != 1) {
        throw std::runtime_error("AES-GCM associated data failed");
    }
    int written = 0;
    if (!plaintext.empty()) {
        if (EVP_EncryptUpdate(ctx.get(), ct, &len, bytes(plaintext), int_size(plaintext)) != 1) {
            throw std::runtime_error("AES-GCM encrypt failed");
        }
        written = len;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), ct + written, &len) != 1) {
        throw std::runtime_error("AES-GCM finalize failed");
    }
    written += len;
    if (static_cast<std::size_t>(written) != plaintext.size() ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(aead_tag_size),
                            ct + written) != 1) {
        throw std::runtime_error("AES-GCM tag failed");
    }
    return out;
}

std::string aead_decrypt(std::string_view key, std::string_view sealed,
                         std::string_view associated_data) {
    Ctx ctx = new_ctx(key);
    if (sealed.size() < aead_nonce_size + aead_tag_size) {
        throw DecryptionError("sealed value too short");
    }
    const std::string_view nonce = sealed.substr(0, aead_nonce_size);
    const std::string_view ciphertext =
        sealed.substr(aead_nonce_size, sealed.size() - aead_nonce_size - aead_tag_size);
    std::string tag(sealed.substr(sealed.size() - aead_tag_size));
    std::string out(ciphertext.size(), '\0');
    int len = 0;
    if (EVP_DecryptInit_ex(ctx.get(), aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(aead_nonce_size),
                            nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) != 1) {
        throw std::runtime_error("AES-GCM init failed");
    }
    if (!associated_data.empty() &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associated_data),
                          int_size(associated_data)) != 1) {
        throw DecryptionError("AES-GCM associated data failed");
    }
    int written = 0;
    if (!ciphertext.empty()) {
        if (EVP_DecryptUpdate(ctx.get(), bytes(out), &len, bytes(ciphertext),
                              int_size(ciphertext)) != 1) {
            throw DecryptionError("AES-GCM decrypt failed");
        }
        written = len;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(aead_tag_size),
                            bytes(tag)) != 1) {
        throw std::runtime_error("AES-GCM set tag failed");
    }
    unsigned char final_block[16];
    if (EVP_DecryptFinal_ex(ctx.get(), final_block, &len) != 1) {
        OPENSSL_cleanse(out.data(), out.size());
        throw DecryptionError("authentication failed");
    }
    out.resize(static_cast<std::size_t>(written));
    return out;
}

std::string aead_encrypt_base64(std::string_view key, std::string_view plaintext,
                                std::string_view associated_data) {
    const std::string sealed = aead_encrypt(key, plaintext, associated_data);
    std::string out(4 * ((sealed.size() + 2) / 3), '\0');
    const int n = EVP_EncodeBlock(bytes(out), bytes(sealed), int_size(sealed));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string aead_decrypt_base64(std::string_view key, std::string_view sealed_base64,
                                std::string_view associated_data) {
    if (sealed_base64.empty() || sealed_base64.size() % 4 != 0) {
        throw DecryptionError("malformed base64");
    }
    std::string raw(3 * (sealed_base64.size() / 4), '\0');
    const int n = EVP_DecodeBlock(bytes(raw), bytes(sealed_base64), int_size(sealed_base64));
    if (n < 0) throw DecryptionError("malformed base64");
    // EVP_DecodeBlock keeps the bytes that padding stands for: drop them.
    std::size_t padding = 0;
    if (sealed_base64.back() == '=') ++padding;
    if (sealed_base64.size() >= 2 && sealed_base64[sealed_base64.size() - 2] == '=') ++padding;
    raw.resize(static_cast<std::size_t>(n) - padding);
    return aead_decrypt(key, raw, associated_data);
}

}  // namespace ltc::crypto
