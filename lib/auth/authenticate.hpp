#pragma once
// Who is calling: the Bearer token (it alone counts when present) or the session cookie, and
// the guards every product handler calls in API.md's order (401 → CSRF → role → consent).
#include <optional>
#include <string>
#include <vector>

#include "auth/session_cookie.hpp"
#include "auth/sessions.hpp"
#include "http/request.hpp"
#include "server/services.hpp"

namespace ltc::auth {

struct Caller {
    SessionInfo session;
    std::string token;
    bool via_cookie = false;
};

// The token the request carries, if any.
std::optional<std::string> presented_token(const http::Request& request, bool& via_cookie);

// The caller, or nullopt when there is no live session. Checks nothing else. Looked up once per
// request: later calls answer from request.caller.
std::optional<Caller> find_caller(http::Request& request, server::Services& services);

// find_caller, with the route's early reads sent in the same round trip (db::query_all) and kept
// on the request. Without a token nothing is read (the request is refused before the reads
// would matter). They run before the caller is checked: they must only read, and a handler uses
// them (early_read) only after the guards passed.
std::optional<Caller> find_caller_with(http::Request& request, server::Services& services,
                                       const std::vector<db::NamedStatement>& reads);
// The result of the early read of that name, if the route made it.
std::optional<db::Result> early_read(const http::Request& request, const std::string& name);
// That early read's result, or `statement` (the same read) run now when the route made none.
db::Result early_read_or_query(const http::Request& request, const std::string& name, soci::session& sql,
                               const db::Statement& statement);

enum class PendingSessions { refused, allowed };

// 401 unauthenticated without a live session; 403 csrf_failed for an unsafe method
// authenticated by the cookie without the matching X-CSRF-Token; 403 second_factor_required for
// a pending admin session unless the route allows it (totp/*, me, logouts). Sets request.role.
Caller require_signed_in(http::Request& request, server::Services& services,
                         PendingSessions pending = PendingSessions::refused);
// The CSRF and second-factor checks of require_signed_in, for a caller already found.
void check_caller(const http::Request& request, const Caller& caller, PendingSessions pending);

// 403 forbidden unless admin or superadmin.
void require_admin(const Caller& caller);
// 403 superadmin_required (decided at the role step, before step-up).
void require_superadmin(const Caller& caller);
// 403 step_up_required unless this session made a step-up within LTC_STEP_UP_TTL_SECONDS.
void require_step_up(const Caller& caller);

// 403 consent_required until the caller accepted every current consent document.
void require_consent(const Caller& caller);

// Product routes: signed in, not a moderator (403 forbidden), consent given.
Caller require_product_access(http::Request& request, server::Services& services);

}  // namespace ltc::auth
