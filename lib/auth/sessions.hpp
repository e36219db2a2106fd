#pragma once
// Server-side sessions: a 256-bit random token handed to the client, only its HMAC stored.
#include <optional>
#include <string>

#include <soci/soci.h>

#include "config/auth_settings.hpp"
#include "crypto/hkdf.hpp"

namespace ltc::auth {

struct SessionInfo {
    std::string session_id;
    std::string user_id;
    std::string role;
    std::string csrf_token;
    std::string expires_at;          // ISO-8601 UTC
    long long seconds_to_expiry = 0; // the cookie's Max-Age
};

struct NewSession {
    std::string token;
    SessionInfo info;
};

bool is_admin_role(const std::string& role);

std::string token_hash(const crypto::KeyRing& keys, const std::string& token);

NewSession create_session(soci::session& sql, const crypto::KeyRing& keys, const config::AuthSettings& settings,
                          const std::string& user_id, const std::string& role);

// The live session for a token (not ended, not expired, not idle, user active). Refreshes
// last_seen_at at most once a minute, so reading does not write on every request.
std::optional<SessionInfo> find_live_session(soci::session& sql, const crypto::KeyRing& keys, const std::string& token);

void end_session(soci::session& sql, const std::string& session_id);
// Returns how many sessions ended.
long long end_all_sessions(soci::session& sql, const std::string& user_id);

}  // namespace ltc::auth
