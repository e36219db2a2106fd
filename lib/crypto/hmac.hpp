#pragma once
// HMAC-SHA256 and HMAC-SHA1 over byte strings, as raw bytes or lower-case hex.
#include <string>
#include <string_view>

namespace ltc::crypto {

// Raw 32-byte HMAC-SHA256 of the message under the key.
std::string hmac_sha256(std::string_view key, std::string_view message);

// Lower-case hex (64 characters) HMAC-SHA256 of the message under the key.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// Raw 20-byte HMAC-SHA1 of the message under the key (TOTP, RFC 6238).
std::string hmac_sha1(std::string_view key, std::string_view message);

// Lower-case hex of arbitrary bytes.
std::string to_hex(std::string_view bytes);

}  // namespace ltc::crypto
