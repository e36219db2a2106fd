#include "auth/sessions.hpp"

#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "db/rows.hpp"

namespace ltc::auth {

bool is_admin_role(const std::string& role) { return role == "admin" || role == "superadmin"; }

std::string token_hash(const crypto::KeyRing& keys, const std::string& token) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::token_hash), token);
}

namespace {
// Inserts a session ending at signed_in_at + ttl (capped by the pending lifetime when pending).
NewSession insert_session(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id,
                          const std::string& role, const std::string& second_factor, long long ttl, int idle,
                          const std::string& signed_in_at) {
    NewSession created;
    created.token = crypto::random_base64url(32);
    created.info.user_id = user_id;
    created.info.role = role;
    created.info.second_factor = second_factor;
    created.info.csrf_token = crypto::random_token_hex(32);
    const std::string hash = token_hash(keys, created.token);
    const int key_version = keys.version();
    sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, idle_seconds, key_version, second_factor,"
           " signed_in_at) SELECT :hash, CAST(:user_id AS uuid), :csrf, start + make_interval(secs => :ttl), :idle, :kv,"
           " :factor, start FROM (SELECT COALESCE(CAST(NULLIF(:started, '') AS timestamptz), now()) AS start) s"
           " RETURNING id, " << db::iso_utc("expires_at") << ", GREATEST(0, ceil(extract(epoch FROM expires_at - now())))::bigint",
        soci::use(hash, "hash"), soci::use(user_id, "user_id"), soci::use(created.info.csrf_token, "csrf"),
        soci::use(ttl, "ttl"), soci::use(idle, "idle"), soci::use(key_version, "kv"), soci::use(second_factor, "factor"),
        soci::use(signed_in_at, "started"), soci::into(created.info.session_id), soci::into(created.info.expires_at),
        soci::into(created.info.seconds_to_expiry);
    return created;
}
}  // namespace

NewSession create_session(soci::session& sql, const crypto::KeyRing& keys, const config::AuthSettings& settings,
                          const std::string& user_id, const std::string& role, const std::string& second_factor) {
    const bool admin = is_admin_role(role);
    if (second_factor != "none") {
        const long long pending = settings.pending_session_ttl_seconds;
        return insert_session(sql, keys, user_id, role, second_factor, pending, static_cast<int>(pending), "");
    }
    const long long ttl = admin ? settings.admin_session_ttl_seconds : settings.session_ttl_seconds;
    const int idle = static_cast<int>(admin ? settings.admin_session_idle_seconds : settings.session_idle_seconds);
    return insert_session(sql, keys, user_id, role, "none", ttl, idle, "");
}

NewSession rotate_to_full_session(soci::session& sql, const crypto::KeyRing& keys, const config::AuthSettings& settings,
                                  const SessionInfo& old) {
    std::string signed_in_at;
    sql << "SELECT signed_in_at::text FROM sessions WHERE id = CAST(:id AS uuid)", soci::use(old.session_id),
        soci::into(signed_in_at);
    end_session(sql, old.session_id);
    NewSession created = insert_session(sql, keys, old.user_id, old.role, "none", settings.admin_session_ttl_seconds,
                                        static_cast<int>(settings.admin_session_idle_seconds), signed_in_at);
    grant_step_up(sql, created.info.session_id, settings.step_up_ttl_seconds);
    std::string step_up_until;
    sql << "SELECT " << db::iso_utc("step_up_until") << " FROM sessions WHERE id = CAST(:id AS uuid)",
        soci::use(created.info.session_id), soci::into(step_up_until);
    created.info.step_up_until = step_up_until;
    return created;
}

void grant_step_up(soci::session& sql, const std::string& session_id, long ttl_seconds) {
    const long long ttl = ttl_seconds;
    sql << "UPDATE sessions SET step_up_until = now() + make_interval(secs => :ttl) WHERE id = CAST(:id AS uuid)",
        soci::use(ttl), soci::use(session_id);
}

std::optional<SessionInfo> find_live_session(soci::session& sql, const crypto::KeyRing& keys, const std::string& token) {
    if (token.empty() || token.size() > 200) return std::nullopt;
    const std::string hash = token_hash(keys, token);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT s.id, s.user_id, u.role, s.csrf_token, " << db::iso_utc("s.expires_at") << ","
                        " GREATEST(0, ceil(extract(epoch FROM s.expires_at - now())))::int,"
                        " (now() - s.last_seen_at > interval '60 seconds')::int, s.second_factor,"
                        " CASE WHEN s.step_up_until > now() THEN " << db::iso_utc("s.step_up_until") << " END"
                        " FROM sessions s JOIN users u ON u.id = s.user_id"
                        " WHERE s.token_hash = :hash AND s.ended_at IS NULL AND s.expires_at > now()"
                        " AND s.last_seen_at + make_interval(secs => s.idle_seconds) > now() AND u.status = 'active'",
         soci::use(hash, "hash"));
    for (const auto& row : rows) {
        SessionInfo info;
        info.session_id = db::text(row, 0);
        info.user_id = db::text(row, 1);
        info.role = db::text(row, 2);
        info.csrf_token = db::text(row, 3);
        info.expires_at = db::text(row, 4);
        info.seconds_to_expiry = db::integer(row, 5);
        const bool stale = db::flag(row, 6);
        info.second_factor = db::text(row, 7);
        info.step_up_until = db::optional_text(row, 8);
        if (stale) sql << "UPDATE sessions SET last_seen_at = now() WHERE id = CAST(:id AS uuid)", soci::use(info.session_id);
        return info;
    }
    return std::nullopt;
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

long long end_pending_sessions(soci::session& sql, const std::string& user_id) {
    long long ended = 0;
    sql << "WITH ended AS (UPDATE sessions SET ended_at = now() WHERE user_id = CAST(:id AS uuid) AND ended_at IS NULL"
           " AND second_factor <> 'none' RETURNING 1) SELECT count(*) FROM ended",
        soci::use(user_id), soci::into(ended);
    return ended;
}

}  // namespace ltc::auth
