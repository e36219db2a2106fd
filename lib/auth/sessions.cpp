#include "auth/sessions.hpp"

#include "crypto/hmac.hpp"
#include "crypto/random.hpp"

namespace ltc::auth {

namespace {
constexpr const char* iso_utc = "YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"";
}

bool is_admin_role(const std::string& role) { return role == "admin" || role == "superadmin"; }

std::string token_hash(const crypto::KeyRing& keys, const std::string& token) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::token_hash), token);
}

NewSession create_session(soci::session& sql, const crypto::KeyRing& keys, const config::AuthSettings& settings,
                          const std::string& user_id, const std::string& role) {
    NewSession created;
    created.token = crypto::random_base64url(32);
    created.info.user_id = user_id;
    created.info.role = role;
    created.info.csrf_token = crypto::random_token_hex(32);
    const bool admin = is_admin_role(role);
    const long long ttl = admin ? settings.admin_session_ttl_seconds : settings.session_ttl_seconds;
    const int idle = static_cast<int>(admin ? settings.admin_session_idle_seconds : settings.session_idle_seconds);
    const std::string hash = token_hash(keys, created.token);
    const int key_version = keys.version();
    sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, idle_seconds, key_version)"
           " VALUES (:hash, CAST(:user_id AS uuid), :csrf, now() + make_interval(secs => :ttl), :idle, :kv)"
           " RETURNING id, to_char(expires_at AT TIME ZONE 'UTC', '" << iso_utc << "')",
        soci::use(hash, "hash"), soci::use(user_id, "user_id"), soci::use(created.info.csrf_token, "csrf"),
        soci::use(ttl, "ttl"), soci::use(idle, "idle"), soci::use(key_version, "kv"),
        soci::into(created.info.session_id), soci::into(created.info.expires_at);
    created.info.seconds_to_expiry = ttl;
    return created;
}

std::optional<SessionInfo> find_live_session(soci::session& sql, const crypto::KeyRing& keys, const std::string& token) {
    if (token.empty() || token.size() > 200) return std::nullopt;
    const std::string hash = token_hash(keys, token);
    SessionInfo info;
    int stale = 0;
    sql << "SELECT s.id, s.user_id, u.role, s.csrf_token,"
           " to_char(s.expires_at AT TIME ZONE 'UTC', '" << iso_utc << "'),"
           " GREATEST(0, ceil(extract(epoch FROM s.expires_at - now())))::bigint,"
           " CASE WHEN now() - s.last_seen_at > interval '60 seconds' THEN 1 ELSE 0 END"
           " FROM sessions s JOIN users u ON u.id = s.user_id"
           " WHERE s.token_hash = :hash AND s.ended_at IS NULL AND s.expires_at > now()"
           " AND s.last_seen_at + make_interval(secs => s.idle_seconds) > now() AND u.status = 'active'",
        soci::use(hash, "hash"), soci::into(info.session_id), soci::into(info.user_id), soci::into(info.role),
        soci::into(info.csrf_token), soci::into(info.expires_at), soci::into(info.seconds_to_expiry), soci::into(stale);
    if (!sql.got_data()) return std::nullopt;
    if (stale != 0) sql << "UPDATE sessions SET last_seen_at = now() WHERE id = CAST(:id AS uuid)", soci::use(info.session_id);
    return info;
}

void end_session(soci::session& sql, const std::string& session_id) {
    sql << "UPDATE sessions SET ended_at = now() WHERE id = CAST(:id AS uuid) AND ended_at IS NULL", soci::use(session_id);
}

long long end_all_sessions(soci::session& sql, const std::string& user_id) {
    long long ended = 0;
    sql << "WITH ended AS (UPDATE sessions SET ended_at = now() WHERE user_id = CAST(:id AS uuid) AND ended_at IS NULL"
           " RETURNING 1) SELECT count(*) FROM ended",
        soci::use(user_id), soci::into(ended);
    return ended;
}

}  // namespace ltc::auth
