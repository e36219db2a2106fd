#pragma once
// Cryptographically secure random bytes, tokens and decimal codes (OpenSSL RAND_bytes).
#include <cstddef>
#include <string>

namespace ltc::crypto {

// `count` random bytes; throws std::runtime_error when the CSPRNG fails.
std::string random_bytes(std::size_t count);

// `bytes` random bytes as lower-case hex (2 * bytes characters).
std::string random_token_hex(std::size_t bytes);

// `bytes` random bytes as unpadded base64url (RFC 4648 §5).
std::string random_base64url(std::size_t bytes);

// A random (version 4) UUID in its canonical text form: row ids chosen before the INSERT, so
// that values sealed for the row can be bound to it.
std::string random_uuid();

// A uniformly random string of `digits` decimal digits (1..18), leading zeros kept.
std::string random_decimal_code(int digits);

}  // namespace ltc::crypto
