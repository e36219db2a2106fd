#include "auth/second_factor.hpp"

#include "audit/audit.hpp"
#include "auth/backup_code_store.hpp"
#include "auth/users.hpp"
#include "crypto/sealed_fields.hpp"
#include "crypto/hmac.hpp"
#include "http/api_error.hpp"
#include "totp/backup_codes.hpp"
#include "totp/totp.hpp"

namespace ltc::auth {

namespace {

std::string decrypt_totp_secret(const crypto::KeyRing& keys, const std::string& user_id, const std::string& ciphertext) {
    return crypto::open_sealed(keys, crypto::sealed_field::totp_secret, user_id, ciphertext);
}

std::string backup_code_hmac(const crypto::KeyRing& keys, const std::string& user_id, const std::string& normalized) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::code_hmac), "backup:" + user_id + ":" + normalized);
}

enum class Outcome { accepted_totp, accepted_backup, failed, locked };

Outcome check_code(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id,
                   const TotpState& state, const std::string& code, SecretSource source) {
    if (totp::is_code_format(code) && state.secret_ciphertext) {
        const auto step = totp::accept_code(decrypt_totp_secret(keys, user_id, *state.secret_ciphertext), code, state.now, state.last_step);
        if (!step) return Outcome::failed;
        record_totp_step(sql, user_id, static_cast<long long>(*step));
        return Outcome::accepted_totp;
    }
    const std::string normalized = totp::normalize_backup_code(code);
    if (source == SecretSource::pending_enrolment || !totp::is_backup_code_format(normalized)) return Outcome::failed;
    const std::string hmac = backup_code_hmac(keys, user_id, normalized);
    if (!use_backup_code(sql, user_id, hmac)) return Outcome::failed;
    clear_totp_failures(sql, user_id);
    return Outcome::accepted_backup;
}

void count_failure(soci::session& sql, const http::Request& request, server::Services& services, const Caller& caller,
                   const TotpState& state, const std::string& failure_action) {
    const int failures = state.failures + 1;
    const auto event = [&](const std::string& action) {
        return audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, "user",
                               caller.session.user_id, "denied");
    };
    auto failed = event(failure_action);
    failed.meta = {{"attempts", static_cast<std::int64_t>(failures)}};
    audit::record(sql, failed);
    if (failures < services.auth.max_totp_failures) {
        set_totp_failures(sql, caller.session.user_id, failures);
        return;
    }
    lock_totp_for(sql, caller.session.user_id, static_cast<long long>(services.auth.totp_lock_seconds));
    auto locked = event("TOTP_LOCKED");
    locked.meta = {{"sessions_ended", static_cast<std::int64_t>(end_pending_sessions(sql, caller.session.user_id))}};
    audit::record(sql, locked);
}
}  // namespace

std::string encrypt_totp_secret(const crypto::KeyRing& keys, const std::string& user_id, const std::string& secret) {
    return crypto::seal(keys, crypto::sealed_field::totp_secret, user_id, secret);
}

VerifiedFactor verify_second_factor(const http::Request& request, server::Services& services, const Caller& caller,
                                    const std::string& code, SecretSource source, const std::string& failure_action) {
    Outcome outcome = Outcome::failed;
    std::string secret_ciphertext;
    services.database.transaction([&](soci::session& tx) {
        const TotpState state = lock_totp_state(tx, caller.session.user_id, source);
        secret_ciphertext = state.secret_ciphertext.value_or("");
        if (state.locked) {
            outcome = Outcome::locked;
            return;
        }
        outcome = check_code(tx, services.keys, caller.session.user_id, state, code, source);
        if (outcome == Outcome::failed) count_failure(tx, request, services, caller, state, failure_action);
    });
    switch (outcome) {
        case Outcome::accepted_totp: return {FactorKind::totp, secret_ciphertext};
        case Outcome::accepted_backup: return {FactorKind::backup_code, secret_ciphertext};
        case Outcome::locked: throw http::ApiError(429, "code_locked");
        case Outcome::failed: break;
    }
    throw http::ApiError(400, "invalid_code");
}

std::vector<std::string> replace_backup_codes(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id) {
    const auto codes = totp::generate_backup_codes();
    std::vector<std::string> hmacs;
    for (const auto& code : codes) hmacs.push_back(backup_code_hmac(keys, user_id, totp::normalize_backup_code(code)));
    replace_backup_code_hmacs(sql, user_id, hmacs);
    return codes;
}

}  // namespace ltc::auth
