#pragma once
// The access class every route declares in its table (API.md "Order of checks", steps 2 and 3):
// the route binding applies it before the handler, so a handler starts with a caller who may
// call it. Object scope (404) and step-up stay in the handler: 404 comes before step-up.
#include <string_view>
#include <vector>

#include "db/query.hpp"
#include "http/request.hpp"
#include "server/services.hpp"

namespace ltc::auth {

enum class Access {
    anyone,            // no session looked at (health, sign-in, public page)
    optional_session,  // a live session is used when present, CSRF checked for it; never 401 (logout, GET consent)
    pending_ok,        // any live session, a pending second factor included (totp/*, me, logout-all)
    signed_in,         // a full session, no consent needed (POST consent)
    admin_session,     // a full admin or superadmin session, no consent needed (/api/auth/* of admins)
    product,           // a full session, not a moderator (403 forbidden), consent given
    admin,             // admin or superadmin (403 forbidden below), consent given
    superadmin,        // as admin; an admin is refused 403 superadmin_required, audited as the route's DeniedAs
    editor,            // moderator, admin or superadmin (403 forbidden below), consent given (the CMS)
};

// How a refusal is audited where API.md asks for it (superadmin routes): the action and target
// type of the denied row; the target id is the path's {id} when it is a well-formed UUID.
struct DeniedAs {
    const char* action = nullptr;
    const char* target_type = nullptr;
};

// The name `ltc routes` prints and the authorization matrix test reads.
std::string_view access_name(Access access);

// 401 unauthenticated, 403 csrf_failed, 403 second_factor_required, 403 forbidden, 403
// consent_required — in this order, as the class asks. The caller found is kept on the request,
// with the route's early reads, sent in the same round trip (find_caller_with).
void apply_access(Access access, const DeniedAs& denied_as, http::Request& request, server::Services& services,
                  const std::vector<db::NamedStatement>& early_reads = {});

}  // namespace ltc::auth
