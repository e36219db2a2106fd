#pragma once
// Cryptographically secure random bytes, tokens and decimal codes (the kernel's, getrandom(2)).
#include <cstddef>
#include <cstdint>
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

// A version 7 UUID (RFC 9562): 48 bits of Unix time in milliseconds, then 74 random bits. Ids
// made one after another sort together, so an index on them grows at its end instead of
// touching a random page of a large index on every insert (the entry versions' primary key).
// It tells the millisecond the id was made: only for rows whose creation time is no secret.
std::string time_ordered_uuid(std::int64_t unix_milliseconds);
std::string time_ordered_uuid();

// A uniformly random string of `digits` decimal digits (1..18), leading zeros kept.
std::string random_decimal_code(int digits);

}  // namespace ltc::crypto
