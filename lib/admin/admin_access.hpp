#pragma once
// The guards of the admin API in API.md's order: 401/CSRF/second factor → role (403 forbidden,
// moderators included; 403 superadmin_required for superadmin-only actions) → consent → the
// target user (404) → "only a superadmin acts on an admin" → step-up → body → rules.
#include <string>

#include "audit/audit.hpp"
#include "auth/authenticate.hpp"
#include "auth/users.hpp"
#include "http/api_error.hpp"
#include "http/request.hpp"
#include "server/services.hpp"

namespace ltc::admin {

// Signed in with a full session, admin or superadmin, consent complete.
auth::Caller require_admin_access(http::Request& request, server::Services& services);

// The user named by the path's {id}: 404 for a malformed or unknown id. No ACCESS_DENIED row:
// admins may see every account, so an unknown id is not an attempt on someone else's object.
auth::User require_target_user(const http::Request& request, server::Services& services);

// Only a superadmin changes, disables, enables, reveals or resets an admin or superadmin:
// 403 superadmin_required, decided right after the target is known and before the step-up,
// audited as `action` with result denied.
void require_superadmin_for_admin_target(const http::Request& request, server::Services& services,
                                         const auth::Caller& caller, const auth::User& target, const std::string& action);

// An audit row with result denied and meta reason_code = the error's code (plus `meta`), in the
// caller's transaction (or on its own in autocommit).
void record_denial(soci::session& sql, const http::Request& request, const auth::Caller& caller, const std::string& action,
                   const std::string& target_type, const std::string& target_id, const http::ApiError& error,
                   std::map<std::string, audit::MetaValue> meta = {});

http::ApiError own_role();
http::ApiError superadmin_required();
http::ApiError last_superadmin();

}  // namespace ltc::admin
