#pragma once
// TTLs and limits of sign-in (PRODUCT.md §3 defaults), transfers and exports (§10, §11), each
// overridable by an LTC_* variable.
#include "config/config.hpp"

namespace ltc::config {

struct Limit {
    long count;
    long window_seconds;
};

struct AuthSettings {
    int key_version = 1;                         // LTC_KEY_VERSION
    long code_ttl_seconds = 600;                 // LTC_CODE_TTL_SECONDS
    long session_ttl_seconds = 8 * 3600;         // LTC_SESSION_TTL_SECONDS
    long session_idle_seconds = 30 * 60;         // LTC_SESSION_IDLE_SECONDS
    long admin_session_ttl_seconds = 4 * 3600;   // LTC_ADMIN_SESSION_TTL_SECONDS
    long admin_session_idle_seconds = 15 * 60;   // LTC_ADMIN_SESSION_IDLE_SECONDS
    long pending_session_ttl_seconds = 600;      // LTC_PENDING_SESSION_TTL_SECONDS (second-factor step)
    long step_up_ttl_seconds = 600;              // LTC_STEP_UP_TTL_SECONDS
    long totp_lock_seconds = 900;                // LTC_TOTP_LOCK_SECONDS
    long max_totp_failures = 5;                  // fixed by the product
    long max_code_attempts = 5;                  // fixed by the product: five wrong tries lock a code
    Limit code_requests_per_address{3, 600};     // LTC_LIMIT_CODE_REQUESTS_PER_ADDRESS(_WINDOW_SECONDS)
    Limit code_requests_per_ip{10, 60};          // LTC_LIMIT_CODE_REQUESTS_PER_IP(_WINDOW_SECONDS)
    Limit code_checks_per_ip{20, 60};            // LTC_LIMIT_CODE_CHECKS_PER_IP(_WINDOW_SECONDS)
    Limit failures_per_address_hour{10, 3600};   // LTC_LIMIT_FAILURES_PER_ADDRESS_HOUR
    Limit failures_per_address_day{20, 86400};   // LTC_LIMIT_FAILURES_PER_ADDRESS_DAY
    Limit mails_per_address_day{10, 86400};      // LTC_LIMIT_MAILS_PER_ADDRESS_DAY
    long transfer_ttl_seconds = 14 * 86400;      // LTC_TRANSFER_TTL_SECONDS: lifetime and the one extension
    long export_ttl_seconds = 86400;             // LTC_EXPORT_TTL_SECONDS: how long a full export is kept
    Limit redeem_failures_per_ip{20, 3600};      // LTC_LIMIT_REDEEM_FAILURES_PER_IP(_WINDOW_SECONDS)
    Limit redeem_failures_per_user{10, 3600};    // LTC_LIMIT_REDEEM_FAILURES_PER_USER(_WINDOW_SECONDS)
};

AuthSettings load_auth_settings(const EnvLookup& env);

}  // namespace ltc::config
