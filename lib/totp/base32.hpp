#pragma once
// RFC 4648 §6 base32 (alphabet A–Z, 2–7): the encoding of TOTP secrets and backup codes.
#include <optional>
#include <string>
#include <string_view>

namespace ltc::totp {

// Upper-case base32 of the bytes, without '=' padding ("foobar" → "MZXW6YTBOI").
std::string base32_encode(std::string_view bytes);

// The bytes behind a base32 text. Case-insensitive; trailing '=' padding is optional, but when
// present it must be exactly the padding RFC 4648 prescribes. nullopt for any other character
// (including spaces and dashes — normalise first), an impossible length (1, 3 or 6 characters
// in the last group), or non-zero unused bits in the last character (non-canonical text).
std::optional<std::string> base32_decode(std::string_view text);

}  // namespace ltc::totp
