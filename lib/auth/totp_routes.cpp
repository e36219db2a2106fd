// /api/auth/totp/enroll, /activate, /verify, /api/auth/step-up, /api/auth/backup-codes.
#include <Poco/JSON/Array.h>

#include "audit/audit.hpp"
#include "server/route_binding.hpp"
#include "auth/auth_routes.hpp"
#include "auth/second_factor.hpp"
#include "auth/session_cookie.hpp"
#include "auth/users.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"
#include "mail/security_notice.hpp"
#include "qr/qr_svg.hpp"
#include "totp/base32.hpp"
#include "totp/totp.hpp"

namespace ltc::auth {

namespace {

std::string read_code(const http::Request& request) {
    http::FieldReader fields(http::json_body(request), {"code"});
    const std::string code = fields.required_string("code", 64);
    fields.finish();
    return code;
}

Caller require_pending(http::Request& request, server::Services& services, const std::string& step) {
    Caller caller = require_signed_in(request, services, PendingSessions::allowed);
    if (caller.session.second_factor != step) throw http::ApiError(403, "forbidden");
    return caller;
}

void record(soci::session& sql, const http::Request& request, const Caller& caller, const std::string& action) {
    audit::record(sql, audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, "user",
                                       caller.session.user_id));
}

Poco::JSON::Array::Ptr codes_json(const std::vector<std::string>& codes) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array();
    for (const auto& code : codes) array->add(code);
    return array;
}

// The answer after the second factor: a new session (cookie; the token in the body for Bearer
// clients), full and stepped up.
http::Response rotated(const Caller& caller, const NewSession& session, Poco::JSON::Object::Ptr body) {
    body->set("csrf_token", session.info.csrf_token);
    body->set("second_factor", "none");
    body->set("step_up_until", session.info.step_up_until.value_or(""));
    if (!caller.via_cookie) body->set("access_token", session.token);
    http::Response response = http::json_response(200, body);
    response.with_header("Set-Cookie", session_cookie(session.token, session.info.seconds_to_expiry));
    return response;
}

http::Response enroll(http::Request& request, server::Services& services) {
    const Caller caller = require_pending(request, services, "totp_enrollment_required");
    const std::string secret = totp::new_totp_secret();
    const std::string ciphertext = encrypt_totp_secret(services.keys, caller.session.user_id, secret);
    soci::session& sql = services.database.session();
    // Only while no authenticator is active: an e-mail code alone must never replace one.
    if (!store_pending_totp(sql, caller.session.user_id, ciphertext)) throw http::ApiError(403, "forbidden");
    const auto user = find_user(sql, services.keys, caller.session.user_id);
    const std::string encoded = totp::base32_encode(secret);
    const std::string uri = totp::otpauth_uri(encoded, user->email_masked);
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("secret", encoded);
    body->set("otpauth_uri", uri);
    body->set("qr_svg", qr::qr_svg(uri));
    return http::json_response(200, body);
}

http::Response activate(http::Request& request, server::Services& services) {
    const Caller caller = require_pending(request, services, "totp_enrollment_required");
    const std::string code = read_code(request);
    const VerifiedFactor verified =
        verify_second_factor(request, services, caller, code, SecretSource::pending_enrolment, "TOTP_FAILED");
    std::vector<std::string> codes;
    NewSession session;
    services.database.transaction([&](soci::session& tx) {
        // Activates exactly the secret the code was checked against: a parallel enrolment that
        // replaced it (or an activation that won) makes this one fail.
        if (!activate_totp(tx, caller.session.user_id, verified.secret_ciphertext)) throw http::ApiError(400, "invalid_code");
        end_pending_sessions(tx, caller.session.user_id);
        codes = replace_backup_codes(tx, services.keys, caller.session.user_id);
        session = rotate_to_full_session(tx, services.keys, services.auth, caller.session);
        record(tx, request, caller, "TOTP_ENROLLED");
        record(tx, request, caller, "STEP_UP_GRANTED");
        mail::queue_security_notice(tx, services.keys, user_email(tx, services.keys, caller.session.user_id),
                                    mail::SecurityEvent::totp_enrolled);
    });
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("backup_codes", codes_json(codes));
    return rotated(caller, session, body);
}

http::Response verify(http::Request& request, server::Services& services) {
    const Caller caller = require_pending(request, services, "totp_required");
    const std::string code = read_code(request);
    const FactorKind kind =
        verify_second_factor(request, services, caller, code, SecretSource::active, "TOTP_FAILED").kind;
    NewSession session;
    services.database.transaction([&](soci::session& tx) {
        session = rotate_to_full_session(tx, services.keys, services.auth, caller.session);
        if (kind == FactorKind::backup_code) record(tx, request, caller, "BACKUP_CODE_USED");
        record(tx, request, caller, "STEP_UP_GRANTED");
    });
    return rotated(caller, session, new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER));
}

http::Response step_up(http::Request& request, server::Services& services) {
    const Caller caller = require_signed_in(request, services);
    require_admin(caller);
    const std::string code = read_code(request);
    const FactorKind kind =
        verify_second_factor(request, services, caller, code, SecretSource::active, "STEP_UP_FAILED").kind;
    std::string until;
    services.database.transaction([&](soci::session& tx) {
        until = grant_step_up(tx, caller.session.session_id, services.auth.step_up_ttl_seconds);
        if (kind == FactorKind::backup_code) record(tx, request, caller, "BACKUP_CODE_USED");
        record(tx, request, caller, "STEP_UP_GRANTED");
    });
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object();
    body->set("step_up_until", until);
    return http::json_response(200, body);
}

http::Response renew_backup_codes(http::Request& request, server::Services& services) {
    const Caller caller = require_signed_in(request, services);
    require_admin(caller);
    require_step_up(caller);
    std::vector<std::string> codes;
    services.database.transaction([&](soci::session& tx) {
        codes = replace_backup_codes(tx, services.keys, caller.session.user_id);
        record(tx, request, caller, "BACKUP_CODES_RENEWED");
    });
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object();
    body->set("backup_codes", codes_json(codes));
    return http::json_response(200, body);
}

}  // namespace

void register_second_factor_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"POST", "/api/auth/totp/enroll", Access::pending_ok, enroll},
        {"POST", "/api/auth/totp/activate", Access::pending_ok, activate},
        {"POST", "/api/auth/totp/verify", Access::pending_ok, verify},
        {"POST", "/api/auth/step-up", Access::admin_session, step_up},
        {"POST", "/api/auth/backup-codes", Access::admin_session, renew_backup_codes},
    });
}

}  // namespace ltc::auth
