#pragma once
// Single-use second-factor backup codes: generation, normalisation of user input, format check.
// Storing and comparing them is the caller's job: keep only an HMAC of the *normalised* code
// (e.g. crypto::hmac_sha256_hex(server_key, normalize_backup_code(code))) and delete it on use.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ltc::totp {

inline constexpr std::size_t kBackupCodeCount = 10;
inline constexpr std::size_t kBackupCodeBytes = 15;   // 120 bits of CSPRNG output per code
inline constexpr std::size_t kBackupCodeChars = 24;   // base32 characters (5 bits each)
inline constexpr std::size_t kBackupCodeGroup = 4;    // characters between dashes

// `count` distinct fresh codes, each 15 random bytes as base32 in six dash-separated groups:
// "ABCD-EFGH-IJKL-MNOP-QRST-UVWX" (29 characters, 120 bits). Throws std::runtime_error when
// the CSPRNG fails.
std::vector<std::string> generate_backup_codes(std::size_t count = kBackupCodeCount);

// The canonical form of what a user typed: ASCII letters upper-cased, dashes and ASCII
// whitespace dropped; everything else kept as is (so the format check can refuse it).
std::string normalize_backup_code(std::string_view input);

// True when `normalized` is exactly 24 characters of the base32 alphabet (A–Z, 2–7).
bool is_backup_code_format(std::string_view normalized);

// The display form "XXXX-XXXX-…" of a normalised 24-character code.
std::string format_backup_code(std::string_view normalized);

}  // namespace ltc::totp
