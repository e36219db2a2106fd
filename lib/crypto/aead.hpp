#pragma once
// AES-256-GCM with a random 12-byte nonce: sealed = nonce ‖ ciphertext ‖ 16-byte tag.
#include <stdexcept>
#include <string>
#include <string_view>

namespace ltc::crypto {

// Thrown when a sealed value is malformed or fails authentication (wrong key, tampering, wrong AD).
struct DecryptionError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline constexpr std::size_t aead_key_size = 32;
inline constexpr std::size_t aead_nonce_size = 12;
inline constexpr std::size_t aead_tag_size = 16;

// Encrypts under a 32-byte key, binding the associated data; returns nonce ‖ ciphertext ‖ tag.
std::string aead_encrypt(std::string_view key, std::string_view plaintext,
                         std::string_view associated_data = {});

// Decrypts nonce ‖ ciphertext ‖ tag; throws DecryptionError on any mismatch.
std::string aead_decrypt(std::string_view key, std::string_view sealed,
                         std::string_view associated_data = {});

// aead_encrypt, base64-encoded (standard alphabet, padded, no line breaks).
std::string aead_encrypt_base64(std::string_view key, std::string_view plaintext,
                                std::string_view associated_data = {});

// Decodes base64 and decrypts; throws DecryptionError on bad base64 or any mismatch.
std::string aead_decrypt_base64(std::string_view key, std::string_view sealed_base64,
                                std::string_view associated_data = {});

}  // namespace ltc::crypto
