#pragma once
// Transfer codes (PRODUCT.md §10): 28 characters of Crockford's base32 alphabet (140 bits from
// the CSPRNG), shown once in groups of four for reading aloud, stored only as an HMAC.
#include <string>
#include <string_view>

#include "crypto/hkdf.hpp"

namespace ltc::transfers {

inline constexpr std::size_t code_length = 28;
inline constexpr std::size_t code_group = 4;

// A fresh code: code_length characters of 0-9 A-Z without I, L, O, U.
std::string new_transfer_code();

// "ABCDEFGH…" → "ABCD-EFGH-…" (groups of code_group).
std::string group_code(std::string_view code);

// What a person typed, as the code it means: separators (spaces, hyphens) dropped, letters
// upper-cased, the look-alikes O → 0 and I, L → 1 mapped. Anything else passes unchanged, so a
// malformed input simply matches no transfer (the format is never revealed).
std::string normalize_code(std::string_view typed);

// The stored form: HMAC-SHA256 (transfer-code key) of the normalized code, lower-case hex.
std::string code_hmac(const crypto::KeyRing& keys, std::string_view normalized_code);

}  // namespace ltc::transfers
