#pragma once
// E-mail addresses: normalisation (trim → NFKC → lower-case), plausibility check, masking.
#include <optional>
#include <string>
#include <string_view>

namespace ltc::auth {

// Trims Unicode whitespace, applies NFKC and root-locale lower-casing; UTF-8 in, UTF-8 out.
std::string normalize_email(std::string input);

// Longest address accepted, in characters (code points).
inline constexpr std::size_t max_email_length = 254;

// Nothing for a possible address; else the field code: "too_long" (over 254 characters) or
// "invalid" (no '@', empty local or domain part, no dot in the domain, whitespace or control
// characters, malformed UTF-8). Expects a normalized address.
std::optional<std::string> validate_email(std::string_view normalized);

// "m***@b***.de": first character, "***@", first character of the domain, "***.", last label.
// Characters are code points. Without '@' or without a dot in the domain it masks the rest fully.
std::string mask_email(std::string_view normalized);

}  // namespace ltc::auth
