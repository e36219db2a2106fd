#pragma once
// Checking an admin's TOTP or backup code (PRODUCT.md §4): each TOTP step accepted once per
// user, five consecutive failures lock the factor for LTC_TOTP_LOCK_SECONDS and end the user's
// pending sessions. Failures are committed (with their audit rows) before the error is thrown.
#include <string>
#include <vector>

#include "auth/authenticate.hpp"
#include "auth/users.hpp"

namespace ltc::auth {

enum class FactorKind { totp, backup_code };

struct VerifiedFactor {
    FactorKind kind = FactorKind::totp;
    std::string secret_ciphertext;  // the sealed TOTP secret the code was checked against
};

// Returns what matched; throws 400 invalid_code or 429 code_locked. failure_action is the
// audit action of a failure ("TOTP_FAILED" at sign-in, "STEP_UP_FAILED" for step-ups).
VerifiedFactor verify_second_factor(const http::Request& request, server::Services& services, const Caller& caller,
                                const std::string& code, SecretSource source, const std::string& failure_action);

// Ten new backup codes (shown once); the old ones stop working.
std::vector<std::string> replace_backup_codes(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id);

std::string encrypt_totp_secret(const crypto::KeyRing& keys, const std::string& user_id, const std::string& secret);

}  // namespace ltc::auth
