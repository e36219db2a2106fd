#include "admin/admin_access.hpp"

#include "auth/sessions.hpp"
#include "http/ids.hpp"

namespace ltc::admin {

http::ApiError own_role() {
    return http::ApiError(403, "own_role", "Die eigene Rolle kann nicht geändert werden.");
}

http::ApiError superadmin_required() { return http::ApiError(403, "superadmin_required"); }

http::ApiError last_superadmin() {
    return http::ApiError(409, "last_superadmin",
                          "Der letzte aktive Superadmin kann weder herabgestuft noch gesperrt werden.");
}

void record_denial(soci::session& sql, const http::Request& request, const auth::Caller& caller, const std::string& action,
                   const std::string& target_type, const std::string& target_id, const http::ApiError& error,
                   std::map<std::string, audit::MetaValue> meta) {
    auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, target_type,
                                 target_id, "denied");
    event.meta = std::move(meta);
    event.meta["reason_code"] = error.code();
    audit::record(sql, event);
}

auth::Caller require_admin_access(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_signed_in(request, services);
    auth::require_admin(caller);
    auth::require_consent(caller);
    return caller;
}

auth::User require_target_user(const http::Request& request, server::Services& services) {
    const std::string id = request.param("id");
    if (!http::is_uuid(id)) throw http::not_found();
    auto user = auth::find_user(services.database.session(), services.keys, id);
    if (!user) throw http::not_found();
    return *user;
}

void require_superadmin_for_admin_target(const http::Request& request, server::Services& services,
                                         const auth::Caller& caller, const auth::User& target, const std::string& action) {
    if (caller.session.role == "superadmin" || !auth::is_admin_role(target.role)) return;
    const http::ApiError error = superadmin_required();
    record_denial(services.database.session(), request, caller, action, "user", target.id, error);
    throw error;
}

}  // namespace ltc::admin
