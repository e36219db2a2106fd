// POST /api/auth/logout, /api/auth/logout-all and GET /api/auth/me.
#include "audit/audit.hpp"
#include "server/route_binding.hpp"
#include "auth/auth_routes.hpp"
#include "auth/authenticate.hpp"
#include "auth/session_cookie.hpp"
#include "auth/users.hpp"
#include "auth/email.hpp"

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

Poco::JSON::Object::Ptr consent_state(const SessionInfo& session) {
    Poco::JSON::Array::Ptr missing = new Poco::JSON::Array();
    for (const auto& document : session.consent_missing) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("doc", document.doc);
        item->set("version", document.version);
        missing->add(item);
    }
    Poco::JSON::Object::Ptr consent = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    consent->set("complete", missing->size() == 0);
    consent->set("missing", missing);
    return consent;
}

http::Response me(http::Request& request, server::Services& services) {
    const Caller caller = require_signed_in(request, services, PendingSessions::allowed);
    User user;
    user.id = caller.session.user_id;
    user.role = caller.session.role;
    user.status = "active";
    user.email_masked = mask_email(decrypt_email(services.keys, caller.session.user_id, caller.session.email_ciphertext));
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("user", user_json(user));
    body->set("csrf_token", caller.session.csrf_token);
    body->set("second_factor", caller.session.second_factor);
    body->set("step_up_until", caller.session.step_up_until ? Poco::Dynamic::Var(*caller.session.step_up_until)
                                                            : Poco::Dynamic::Var());
    body->set("consent", consent_state(caller.session));
    return http::json_response(200, body);
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
