#include "auth/second_factor.hpp"

#include "audit/audit.hpp"
#include "crypto/sealed_fields.hpp"
#include "crypto/hmac.hpp"
#include "db/query.hpp"
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

struct FactorState {
    std::optional<std::string> secret_ciphertext;
    std::optional<long long> last_step;
    int failures = 0;
    bool locked = false;
    long long now = 0;
};

FactorState lock_factor_state(soci::session& sql, const std::string& user_id, SecretSource source) {
    const std::string column = source == SecretSource::active ? "totp_secret_ciphertext" : "totp_pending_ciphertext";
    const auto row = db::query(sql,
                               "SELECT " + column + ", totp_last_step, totp_failures, COALESCE(totp_locked_until > now(), false),"
                               " extract(epoch FROM now())::bigint FROM users WHERE id = $1::uuid FOR UPDATE",
                               {user_id})
                         .first();
    FactorState state;
    if (!row) return state;
    state.secret_ciphertext = row->optional_text(0);
    state.last_step = row->optional_integer(1);
    state.failures = static_cast<int>(row->integer(2));
    state.locked = row->flag(3);
    state.now = row->integer(4);
    return state;
}

Outcome check_code(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id,
                   const FactorState& state, const std::string& code, SecretSource source) {
    if (totp::is_code_format(code) && state.secret_ciphertext) {
        const auto step = totp::accept_code(decrypt_totp_secret(keys, user_id, *state.secret_ciphertext), code, state.now, state.last_step);
        if (!step) return Outcome::failed;
        db::query(sql, "UPDATE users SET totp_last_step = $1::bigint, totp_failures = 0 WHERE id = $2::uuid",
                  {static_cast<long long>(*step), user_id});
        return Outcome::accepted_totp;
    }
    const std::string normalized = totp::normalize_backup_code(code);
    if (source == SecretSource::pending_enrolment || !totp::is_backup_code_format(normalized)) return Outcome::failed;
    const std::string hmac = backup_code_hmac(keys, user_id, normalized);
    const auto used = db::query(sql,
                                "UPDATE backup_codes SET used_at = now() WHERE user_id = $1::uuid AND code_hmac = $2"
                                " AND used_at IS NULL",
                                {user_id, hmac});
    if (used.affected() == 0) return Outcome::failed;
    db::query(sql, "UPDATE users SET totp_failures = 0 WHERE id = $1::uuid", {user_id});
    return Outcome::accepted_backup;
}

void count_failure(soci::session& sql, const http::Request& request, server::Services& services, const Caller& caller,
                   const FactorState& state, const std::string& failure_action) {
    const int failures = state.failures + 1;
    const auto event = [&](const std::string& action) {
        return audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, "user",
                               caller.session.user_id, "denied");
    };
    auto failed = event(failure_action);
    failed.meta = {{"attempts", static_cast<std::int64_t>(failures)}};
    audit::record(sql, failed);
    if (failures < services.auth.max_totp_failures) {
        db::query(sql, "UPDATE users SET totp_failures = $1::int WHERE id = $2::uuid", {failures, caller.session.user_id});
        return;
    }
    db::query(sql,
              "UPDATE users SET totp_failures = 0, totp_locked_until = now() + make_interval(secs => $1::bigint)"
              " WHERE id = $2::uuid",
              {static_cast<long long>(services.auth.totp_lock_seconds), caller.session.user_id});
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
        const FactorState state = lock_factor_state(tx, caller.session.user_id, source);
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
    db::query(sql, "DELETE FROM backup_codes WHERE user_id = $1::uuid", {user_id});
    const auto codes = totp::generate_backup_codes();
    std::string hmacs = "{";
    for (const auto& code : codes) {
        if (hmacs.size() > 1) hmacs += ",";
        hmacs += backup_code_hmac(keys, user_id, totp::normalize_backup_code(code));  // hex: no quoting needed
    }
    hmacs += "}";
    db::query(sql, "INSERT INTO backup_codes (user_id, code_hmac) SELECT $1::uuid, unnest($2::text[])", {user_id, hmacs});
    return codes;
}

}  // namespace ltc::auth
