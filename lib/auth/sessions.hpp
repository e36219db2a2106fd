#pragma once
// Server-side sessions: a 256-bit random token handed to the client, only its HMAC stored.
// Admins first get a pending session that reaches only the second-factor step.
#include <optional>

#include <string>
#include <vector>

#include <soci/soci.h>

#include "config/auth_settings.hpp"
#include "crypto/hkdf.hpp"
#include "db/query.hpp"

namespace ltc::auth {

struct ConsentDocument {
    std::string doc;
    std::string version;
};

struct SessionInfo {
    std::string session_id;
    std::string user_id;
    std::string role;
    std::string csrf_token;
    std::string expires_at;          // ISO-8601 UTC
    long long seconds_to_expiry = 0; // the cookie's Max-Age
    std::string second_factor = "none";
    std::optional<std::string> step_up_until;  // ISO-8601 UTC while a step-up is valid
    // Current consent documents the user has not accepted (read with the session).
    std::vector<ConsentDocument> consent_missing;
    // The user's sealed e-mail address (read with the session; opened only where shown masked).
    std::string email_ciphertext;
};

struct NewSession {
    std::string token;
    SessionInfo info;
};

bool is_admin_role(const std::string& role);

std::string token_hash(const crypto::KeyRing& keys, const std::string& token);

// second_factor "none" for full sessions; "totp_required" / "totp_enrollment_required" make a
// pending session of LTC_PENDING_SESSION_TTL_SECONDS.
NewSession create_session(soci::session& sql, const crypto::KeyRing& keys, const config::AuthSettings& settings,
                          const std::string& user_id, const std::string& role, const std::string& second_factor = "none");

// Replaces a session by a full, stepped-up one (after the second factor): a new token, the
// absolute end still counted from the e-mail sign-in; the old token dies.
NewSession rotate_to_full_session(soci::session& sql, const crypto::KeyRing& keys, const config::AuthSettings& settings,
                                  const SessionInfo& old);

// Returns the new step_up_until (ISO-8601 UTC).
std::string grant_step_up(soci::session& sql, const std::string& session_id, long ttl_seconds);

// "Who is asking", in one statement: the live session for a token (not ended, not expired, not
// idle, user active) with role, second-factor and step-up state and whether the user's consent
// is complete — sent along with a route's first reads in one round trip. The statement (nullopt
// for a token that cannot be one), and the reading of its result.
std::optional<db::Statement> live_session_statement(const crypto::KeyRing& keys, const std::string& token);
struct LiveSession {
    SessionInfo info;                // consent_missing still empty
    bool consent_behind = false;     // the user's consent stamp is older than the newest document
    bool idle_refresh_due = false;   // last_seen_at is older than a minute
};
std::optional<LiveSession> read_live_session(const db::Result& result);
// The rare follow-ups the row asks for: the consent documents still missing, and the
// last_seen_at refresh (at most once a minute).
SessionInfo settle_live_session(soci::session& sql, LiveSession live);

void end_session(soci::session& sql, const std::string& session_id);
// Returns how many sessions ended.
long long end_all_sessions(soci::session& sql, const std::string& user_id);
long long end_pending_sessions(soci::session& sql, const std::string& user_id);

}  // namespace ltc::auth
