#include "auth/access.hpp"

#include "audit/audit.hpp"
#include "auth/authenticate.hpp"
#include "http/api_error.hpp"
#include "http/ids.hpp"

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

namespace {
[[noreturn]] void refuse_audited(const http::Request& request, server::Services& services, const Caller& caller,
                                 const DeniedAs& denied_as, const http::ApiError& error) {
    // Only a well-formed id is kept: the path is client input and could hold anything.
    const std::string id = request.param("id");
    auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, denied_as.action,
                                 denied_as.target_type, http::is_uuid(id) ? id : "", "denied");
    event.meta = {{"reason_code", error.code()}};
    audit::record(services.database.session(), event);
    throw error;
}
}  // namespace

void apply_access(Access access, const DeniedAs& denied_as, http::Request& request, server::Services& services,
                  const std::vector<db::NamedStatement>& early_reads) {
    if (access == Access::anyone) return;
    find_caller_with(request, services, early_reads);
    switch (access) {
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
            if (caller.session.role != "superadmin") {
                refuse_audited(request, services, caller, denied_as, http::ApiError(403, "superadmin_required"));
            }
            require_consent(caller);
            return;
        default:
            return;
    }
}

}  // namespace ltc::auth
