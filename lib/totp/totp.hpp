#pragma once
// HOTP (RFC 4226) and TOTP (RFC 6238, HMAC-SHA1) codes, their one-time acceptance and the
// otpauth:// enrolment URI. Pure functions: the caller stores the secret and the last step.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ltc::totp {

inline constexpr int kDigits = 6;             // code length used by the product
inline constexpr int kStepSeconds = 30;       // time step
inline constexpr int kWindow = 1;             // steps accepted either side of "now"
inline constexpr std::size_t kSecretBytes = 20;  // 160-bit secret (RFC 4226 §4 recommends it)

// RFC 4226 HOTP of the raw secret bytes at `counter`: dynamic truncation of HMAC-SHA1, modulo
// 10^digits, zero-padded to `digits` characters. Throws std::invalid_argument unless
// 6 <= digits <= 8.
std::string hotp(std::string_view secret, std::uint64_t counter, int digits = kDigits);

// The time step of `unix_time`: floor(unix_time / step). Throws std::invalid_argument for a
// negative time or a step <= 0.
std::int64_t time_step(std::int64_t unix_time, int step = kStepSeconds);

// RFC 6238 TOTP: hotp(secret, time_step(unix_time, step), digits). Same exceptions.
std::string totp_code(std::string_view secret, std::int64_t unix_time, int step = kStepSeconds,
                      int digits = kDigits);

// True when `code` is exactly `digits` ASCII digits (no spaces, signs or letters).
bool is_code_format(std::string_view code, int digits = kDigits);

// The step among time_step(unix_time) - window … + window whose code equals `code`, or nullopt
// (also for a malformed code). Every candidate is computed and compared in constant time, so
// the running time does not reveal which step matched. When several steps match (a 1-in-10^6
// coincidence) the lowest one is returned.
std::optional<std::int64_t> matching_step(std::string_view secret, std::string_view code,
                                          std::int64_t unix_time, int window = kWindow);

// The one-time check: the lowest step in the window that matches `code` and is greater than
// `last_used_step` (nullopt: no code accepted yet), or nullopt. On success the caller must
// store the returned step as the user's new last_used_step — atomically, e.g.
// `UPDATE … SET totp_last_step = $step WHERE id = $user AND (totp_last_step IS NULL OR
// totp_last_step < $step)` and treat zero updated rows as a replay — so each code counts once.
std::optional<std::int64_t> accept_code(std::string_view secret, std::string_view code,
                                        std::int64_t now,
                                        std::optional<std::int64_t> last_used_step,
                                        int window = kWindow);

// A new random secret of kSecretBytes bytes (raw; base32_encode it for the user).
std::string new_totp_secret();

// otpauth://totp/<issuer>:<label>?secret=<secret>&issuer=<issuer>&algorithm=SHA1&digits=6&period=30
// (Key URI format). Issuer and label are percent-encoded (RFC 3986: all but A–Z a–z 0–9 - . _ ~,
// so '@' → %40, ':' → %3A, ' ' → %20, UTF-8 byte by byte). Throws std::invalid_argument when
// `secret_base32` is not valid base32 or is empty.
std::string otpauth_uri(std::string_view secret_base32, std::string_view account_label,
                        std::string_view issuer = "LifeTimeCircle");

}  // namespace ltc::totp
