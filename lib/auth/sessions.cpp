#include "auth/sessions.hpp"

#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"

#include <Poco/JSON/Parser.h>

namespace ltc::auth {

bool is_admin_role(const std::string& role) { return role == "admin" || role == "superadmin"; }

std::string token_hash(const crypto::KeyRing& keys, const std::string& token) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::token_hash), token);
}

namespace {
// Inserts a session ending at signed_in_at + ttl (capped by the pending lifetime when pending).
NewSession insert_session(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id,
                          const std::string& role, const std::string& second_factor, long long ttl, long long idle,
                          const std::optional<std::string>& signed_in_at) {
    NewSession created;
    created.token = crypto::random_base64url(32);
    created.info.user_id = user_id;
    created.info.role = role;
    created.info.second_factor = second_factor;
    created.info.csrf_token = crypto::random_token_hex(32);
    const auto row = db::query(sql,
                               "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, idle_seconds, key_version,"
                               " second_factor, signed_in_at) SELECT $1, $2::uuid, $3, start + make_interval(secs => $4::bigint),"
                               " $5::int, $6::int, $7, start FROM (SELECT COALESCE($8::timestamptz, now()) AS start) s"
                               " RETURNING id, " + db::iso_utc("expires_at") +
                                   ", GREATEST(0, ceil(extract(epoch FROM expires_at - now())))::bigint",
                               {token_hash(keys, created.token), user_id, created.info.csrf_token, ttl, idle, keys.version(),
                                second_factor, signed_in_at})
                         .first();
    created.info.session_id = row->text(0);
    created.info.expires_at = row->text(1);
    created.info.seconds_to_expiry = row->integer(2);
    return created;
}

// Current consent documents as the session lookup reports the missing ones: JSON pairs.
std::vector<ConsentDocument> parse_missing(const std::optional<std::string>& json) {
    std::vector<ConsentDocument> missing;
    if (!json) return missing;
    Poco::JSON::Parser parser;
    const auto array = parser.parse(*json).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto item = array->getObject(static_cast<unsigned>(i));
        missing.push_back(ConsentDocument{item->getValue<std::string>("doc"), item->getValue<std::string>("version")});
    }
    return missing;
}
}  // namespace

NewSession create_session(soci::session& sql, const crypto::KeyRing& keys, const config::AuthSettings& settings,
                          const std::string& user_id, const std::string& role, const std::string& second_factor) {
    const bool admin = is_admin_role(role);
    if (second_factor != "none") {
        const long long pending = settings.pending_session_ttl_seconds;
        return insert_session(sql, keys, user_id, role, second_factor, pending, pending, std::nullopt);
    }
    const long long ttl = admin ? settings.admin_session_ttl_seconds : settings.session_ttl_seconds;
    const long long idle = admin ? settings.admin_session_idle_seconds : settings.session_idle_seconds;
    return insert_session(sql, keys, user_id, role, "none", ttl, idle, std::nullopt);
}

NewSession rotate_to_full_session(soci::session& sql, const crypto::KeyRing& keys, const config::AuthSettings& settings,
                                  const SessionInfo& old) {
    const auto ended = db::query(sql,
                                 "UPDATE sessions SET ended_at = now() WHERE id = $1::uuid AND ended_at IS NULL"
                                 " RETURNING signed_in_at::text",
                                 {old.session_id})
                           .first();
    NewSession created = insert_session(sql, keys, old.user_id, old.role, "none", settings.admin_session_ttl_seconds,
                                        settings.admin_session_idle_seconds,
                                        ended ? ended->optional_text(0) : std::nullopt);
    created.info.step_up_until = grant_step_up(sql, created.info.session_id, settings.step_up_ttl_seconds);
    return created;
}

std::string grant_step_up(soci::session& sql, const std::string& session_id, long ttl_seconds) {
    return db::query(sql,
                     "UPDATE sessions SET step_up_until = now() + make_interval(secs => $1::bigint) WHERE id = $2::uuid"
                     " RETURNING " + db::iso_utc("step_up_until"),
                     {static_cast<long long>(ttl_seconds), session_id})
        .first()
        ->text(0);
}

std::optional<db::Statement> live_session_statement(const crypto::KeyRing& keys, const std::string& token) {
    if (token.empty() || token.size() > 200) return std::nullopt;
    // One call of the function in sql/V012__session_caller.sql (its plans stay cached per connection).
    return db::Statement{"SELECT * FROM session_caller($1)", {token_hash(keys, token)}};
}

std::optional<SessionInfo> read_live_session(const db::Result& result) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    SessionInfo info;
    info.session_id = row->text(0);
    info.user_id = row->text(1);
    info.role = row->text(2);
    info.csrf_token = row->text(3);
    info.expires_at = row->text(4);
    info.seconds_to_expiry = row->integer(5);
    info.second_factor = row->text(6);
    info.step_up_until = row->optional_text(7);
    info.consent_missing = parse_missing(row->optional_text(8));
    info.email_ciphertext = row->text(9);
    return info;
}

std::optional<SessionInfo> find_live_session(soci::session& sql, const crypto::KeyRing& keys, const std::string& token) {
    const auto statement = live_session_statement(keys, token);
    if (!statement) return std::nullopt;
    return read_live_session(db::query(sql, *statement));
}

void end_session(soci::session& sql, const std::string& session_id) {
    db::query(sql, "UPDATE sessions SET ended_at = now() WHERE id = $1::uuid AND ended_at IS NULL", {session_id});
}

long long end_all_sessions(soci::session& sql, const std::string& user_id) {
    return db::query(sql, "UPDATE sessions SET ended_at = now() WHERE user_id = $1::uuid AND ended_at IS NULL", {user_id})
        .affected();
}

long long end_pending_sessions(soci::session& sql, const std::string& user_id) {
    return db::query(sql,
                     "UPDATE sessions SET ended_at = now() WHERE user_id = $1::uuid AND ended_at IS NULL"
                     " AND second_factor <> 'none'",
                     {user_id})
        .affected();
}

}  // namespace ltc::auth
