#include "auth/sessions.hpp"

#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"
#include "trust/civil_date.hpp"

#include <utility>

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

// Runs only when the lookup's comparison says the user's consent stamp is behind: which current
// documents are still missing (none, when the stamp is merely stale, e.g. a restored row).
std::vector<ConsentDocument> missing_consent(soci::session& sql, const std::string& user_id) {
    static const std::string text = "SELECT doc, version FROM consent_missing($1::uuid) ORDER BY doc";
    std::vector<ConsentDocument> missing;
    for (const auto row : db::query(sql, text, {user_id})) missing.push_back(ConsentDocument{row.text(0), row.text(1)});
    return missing;
}

// The sliding idle timeout, written at most once a minute: of requests racing past the minute,
// only the first finds the row still old.
void touch_session(soci::session& sql, const std::string& session_id) {
    static const std::string text = "UPDATE sessions SET last_seen_at = now()"
                                    " WHERE id = $1::uuid AND last_seen_at < now() - interval '60 seconds'";
    db::query(sql, text, {session_id});
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
    // A plain statement: no PL/pgSQL call, no sub-plan for the rare cases (they follow in
    // settle_live_session), instants as epoch seconds (formatted here, not by to_char).
    static const std::string text =
        "SELECT s.id, s.user_id, u.role, s.csrf_token, floor(extract(epoch FROM s.expires_at))::bigint,"
        " GREATEST(0, ceil(extract(epoch FROM s.expires_at - now())))::bigint, s.second_factor,"
        " CASE WHEN s.step_up_until > now() THEN floor(extract(epoch FROM s.step_up_until))::bigint END,"
        " NOT EXISTS (SELECT 1 FROM consent_documents d WHERE d.generation > u.consent_generation),"
        " u.email_ciphertext, s.last_seen_at < now() - interval '60 seconds'"
        " FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()"
        " AND s.last_seen_at + make_interval(secs => s.idle_seconds) > now() AND u.status = 'active'";
    return db::Statement{text, {token_hash(keys, token)}};
}

std::optional<LiveSession> read_live_session(const db::Result& result) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    LiveSession live;
    SessionInfo& info = live.info;
    info.session_id = row->text(0);
    info.user_id = row->text(1);
    info.role = row->text(2);
    info.csrf_token = row->text(3);
    info.expires_at = trust::format_iso_utc_seconds(row->integer(4));
    info.seconds_to_expiry = row->integer(5);
    info.second_factor = row->text(6);
    if (const auto step_up = row->optional_integer(7)) info.step_up_until = trust::format_iso_utc_seconds(*step_up);
    info.email_ciphertext = row->text(9);
    live.consent_behind = !row->flag(8);
    live.idle_refresh_due = row->flag(10);
    return live;
}

SessionInfo settle_live_session(soci::session& sql, LiveSession live) {
    if (live.consent_behind) live.info.consent_missing = missing_consent(sql, live.info.user_id);
    if (live.idle_refresh_due) touch_session(sql, live.info.session_id);
    return std::move(live.info);
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
