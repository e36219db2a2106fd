// POST /api/auth/logout, /api/auth/logout-all and GET /api/auth/me.
#include "audit/audit.hpp"
#include "server/route_binding.hpp"
#include "auth/auth_routes.hpp"
#include "auth/authenticate.hpp"
#include "auth/session_cookie.hpp"
#include "auth/users.hpp"
#include "auth/email.hpp"
#include "http/json_writer.hpp"

namespace ltc::auth {

namespace {

http::Response cleared() {
    http::Response response = http::no_content();
    response.with_header("Set-Cookie", cleared_session_cookie());
    return response;
}

void audit_session_ended(soci::session& sql, const http::Request& request, const Caller& caller,
                         const std::string& scope, long long count) {
    audit::Event event;
    event.action = "SESSION_ENDED";
    event.actor_id = caller.session.user_id;
    event.actor_role = caller.session.role;
    event.target_type = "user";
    event.target_id = caller.session.user_id;
    event.request_id = request.request_id;
    event.meta = {{"scope", scope}, {"sessions_ended", static_cast<std::int64_t>(count)}};
    audit::record(sql, event);
}

// Also 204 when the session had already ended or expired: the cookie is cleared either way.
http::Response logout(http::Request& request, server::Services& services) {
    const auto caller = find_caller(request, services);
    if (!caller) return cleared();
    check_caller(request, *caller, PendingSessions::allowed);  // CSRF for cookie sessions
    services.database.transaction([&](soci::session& tx) {
        end_session(tx, caller->session.session_id);
        audit_session_ended(tx, request, *caller, "single", 1);
    });
    return cleared();
}

http::Response logout_all(http::Request& request, server::Services& services) {
    const Caller caller = require_signed_in(request, services, PendingSessions::allowed);
    services.database.transaction([&](soci::session& tx) {
        const long long ended = end_all_sessions(tx, caller.session.user_id);
        audit_session_ended(tx, request, caller, "all", ended);
    });
    return cleared();
}

// Written as text (http::JsonWriter): asked on every page load.
http::Response me(http::Request& request, server::Services& services) {
    const Caller caller = require_signed_in(request, services, PendingSessions::allowed);
    const SessionInfo& session = caller.session;
    http::JsonWriter writer;
    writer.begin_object().key("user").begin_object();
    writer.key("id").value(session.user_id).key("role").value(session.role);
    writer.key("email_masked").value(mask_email(decrypt_email(services.keys, session.user_id, session.email_ciphertext)));
    writer.end_object();
    writer.key("csrf_token").value(session.csrf_token).key("second_factor").value(session.second_factor);
    writer.key("step_up_until").value(session.step_up_until);
    writer.key("consent").begin_object().key("complete").value(session.consent_missing.empty());
    writer.key("missing").begin_array();
    for (const auto& document : session.consent_missing) {
        writer.begin_object().key("doc").value(document.doc).key("version").value(document.version).end_object();
    }
    writer.end_array().end_object().end_object();
    return http::raw_json_response(200, writer.take());
}

}  // namespace

void register_session_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"POST", "/api/auth/logout", Access::optional_session, logout},
        {"POST", "/api/auth/logout-all", Access::pending_ok, logout_all},
        {"GET", "/api/auth/me", Access::pending_ok, me},
    });
}

}  // namespace ltc::auth
