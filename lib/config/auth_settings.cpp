#include "config/auth_settings.hpp"

namespace ltc::config {

namespace {
constexpr long year_seconds = 366L * 86400;

Limit limit_or(const EnvLookup& env, const std::string& name, Limit fallback, bool window_configurable) {
    Limit limit;
    limit.count = integer_or(env, name, fallback.count, 1, 1'000'000);
    limit.window_seconds = window_configurable
                               ? integer_or(env, name + "_WINDOW_SECONDS", fallback.window_seconds, 1, year_seconds)
                               : fallback.window_seconds;
    return limit;
}
}  // namespace

AuthSettings load_auth_settings(const EnvLookup& env) {
    AuthSettings settings;
    settings.key_version = static_cast<int>(integer_or(env, "LTC_KEY_VERSION", 1, 1, 1000));
    settings.code_ttl_seconds = integer_or(env, "LTC_CODE_TTL_SECONDS", settings.code_ttl_seconds, 1, 86400);
    settings.session_ttl_seconds = integer_or(env, "LTC_SESSION_TTL_SECONDS", settings.session_ttl_seconds, 60, year_seconds);
    settings.session_idle_seconds =
        integer_or(env, "LTC_SESSION_IDLE_SECONDS", settings.session_idle_seconds, 1, year_seconds);
    settings.admin_session_ttl_seconds =
        integer_or(env, "LTC_ADMIN_SESSION_TTL_SECONDS", settings.admin_session_ttl_seconds, 60, year_seconds);
    settings.admin_session_idle_seconds =
        integer_or(env, "LTC_ADMIN_SESSION_IDLE_SECONDS", settings.admin_session_idle_seconds, 1, year_seconds);
    settings.pending_session_ttl_seconds =
        integer_or(env, "LTC_PENDING_SESSION_TTL_SECONDS", settings.pending_session_ttl_seconds, 1, 86400);
    settings.step_up_ttl_seconds = integer_or(env, "LTC_STEP_UP_TTL_SECONDS", settings.step_up_ttl_seconds, 1, 86400);
    settings.totp_lock_seconds = integer_or(env, "LTC_TOTP_LOCK_SECONDS", settings.totp_lock_seconds, 1, 86400);
    settings.code_requests_per_address =
        limit_or(env, "LTC_LIMIT_CODE_REQUESTS_PER_ADDRESS", settings.code_requests_per_address, true);
    settings.code_requests_per_ip = limit_or(env, "LTC_LIMIT_CODE_REQUESTS_PER_IP", settings.code_requests_per_ip, true);
    settings.code_checks_per_ip = limit_or(env, "LTC_LIMIT_CODE_CHECKS_PER_IP", settings.code_checks_per_ip, true);
    settings.failures_per_address_hour =
        limit_or(env, "LTC_LIMIT_FAILURES_PER_ADDRESS_HOUR", settings.failures_per_address_hour, false);
    settings.failures_per_address_day =
        limit_or(env, "LTC_LIMIT_FAILURES_PER_ADDRESS_DAY", settings.failures_per_address_day, false);
    settings.mails_per_address_day = limit_or(env, "LTC_LIMIT_MAILS_PER_ADDRESS_DAY", settings.mails_per_address_day, false);
    settings.transfer_ttl_seconds =
        integer_or(env, "LTC_TRANSFER_TTL_SECONDS", settings.transfer_ttl_seconds, 1, year_seconds);
    settings.export_ttl_seconds = integer_or(env, "LTC_EXPORT_TTL_SECONDS", settings.export_ttl_seconds, 1, 86400);
    settings.redeem_failures_per_ip =
        limit_or(env, "LTC_LIMIT_REDEEM_FAILURES_PER_IP", settings.redeem_failures_per_ip, true);
    settings.redeem_failures_per_user =
        limit_or(env, "LTC_LIMIT_REDEEM_FAILURES_PER_USER", settings.redeem_failures_per_user, true);
    return settings;
}

}  // namespace ltc::config
