#include "auth/access.hpp"

#include "auth/authenticate.hpp"
#include "http/api_error.hpp"

namespace ltc::auth {

std::string_view access_name(Access access) {
    switch (access) {
        case Access::anyone: return "anyone";
        case Access::optional_session: return "optional_session";
        case Access::pending_ok: return "pending_ok";
        case Access::signed_in: return "signed_in";
        case Access::admin_session: return "admin_session";
        case Access::product: return "product";
        case Access::admin: return "admin";
        case Access::superadmin: return "superadmin";
        case Access::editor: return "editor";
    }
    return "unknown";
}

void apply_access(Access access, http::Request& request, server::Services& services) {
    switch (access) {
        case Access::anyone:
            return;
        case Access::optional_session:
            if (const auto caller = find_caller(request, services)) check_caller(request, *caller, PendingSessions::allowed);
            return;
        case Access::pending_ok:
            require_signed_in(request, services, PendingSessions::allowed);
            return;
        default:
            break;
    }
    const Caller caller = require_signed_in(request, services);
    switch (access) {
        case Access::product:
            if (caller.session.role == "moderator") throw http::ApiError(403, "forbidden");
            require_consent(caller);
            return;
        case Access::admin:
            require_admin(caller);
            require_consent(caller);
            return;
        case Access::admin_session:
            require_admin(caller);
            return;
        case Access::editor:
            if (caller.session.role != "moderator" && !is_admin_role(caller.session.role)) {
                throw http::ApiError(403, "forbidden");
            }
            require_consent(caller);
            return;
        case Access::superadmin:
            require_admin(caller);
            // An admin's refusal (403 superadmin_required, before consent) is audited with the
            // action the handler names, so the handler's require_superadmin_access answers it.
            if (caller.session.role == "superadmin") require_consent(caller);
            return;
        default:
            return;
    }
}

}  // namespace ltc::auth
