// /api/admin/users*: listing, search, e-mail reveal, role change, disable/enable, TOTP reset.
// Each handler: guards in API.md's order → body → rules and the change with its audit row in
// one transaction → the user item.
#include <optional>

#include <Poco/JSON/Array.h>

#include "admin/admin_access.hpp"
#include "admin/role_change_store.hpp"
#include "server/route_binding.hpp"
#include "admin/admin_routes.hpp"
#include "audit/audit.hpp"
#include "auth/backup_code_store.hpp"
#include "auth/email.hpp"
#include "auth/sessions.hpp"
#include "auth/users.hpp"
#include "http/collection.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"
#include "mail/security_notice.hpp"
#include "vehicles/trust_summary.hpp"

namespace ltc::admin {

namespace {

// {"id","email_masked","role","status","created_at","last_sign_in_at"}
Poco::JSON::Object::Ptr user_item_json(const auth::User& user) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", user.id);
    json->set("email_masked", user.email_masked);
    json->set("role", user.role);
    json->set("status", user.status);
    json->set("created_at", user.created_at);
    json->set("last_sign_in_at", user.last_sign_in_at ? Poco::Dynamic::Var(*user.last_sign_in_at) : Poco::Dynamic::Var());
    return json;
}

http::Response user_response(server::Services& services, const std::string& id) {
    const auto user = auth::find_user(services.database.session(), services.keys, id);
    if (!user) throw http::not_found();
    return http::json_response(200, user_item_json(*user));
}

audit::Event success(const http::Request& request, const auth::Caller& caller, const std::string& action,
                     const std::string& target_id) {
    return audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, "user", target_id);
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// GET /api/admin/users?role=&status=
http::Response list(http::Request& request, server::Services& services) {
    require_admin_access(request, services);
    const std::string role = request.query_param("role").value_or("");
    const std::string status = request.query_param("status").value_or("");
    http::FieldErrors errors;
    if (!role.empty() && !is_known_role(role)) errors["role"] = "invalid";
    if (!status.empty() && status != "active" && status != "disabled") errors["status"] = "invalid";
    if (!errors.empty()) throw http::validation_failed(errors);
    const http::Page page = http::read_page(request);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& user : auth::list_users(services.database.session(), services.keys, role, status, page)) {
        items->add(user_item_json(user));
    }
    return http::json_response(200, http::page_json(items, page));
}

// POST /api/admin/users/search {"email"}: the exact address, found by its HMAC.
http::Response search(http::Request& request, server::Services& services) {
    require_admin_access(request, services);
    http::FieldReader fields(http::json_body(request), {"email"});
    const std::string raw = fields.required_string("email", 1000);
    const std::string email = auth::normalize_email(raw);
    if (!raw.empty()) {
        if (const auto code = auth::validate_email(email)) fields.fail("email", *code);
    }
    fields.finish();
    soci::session& sql = services.database.session();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    if (const auto user = auth::find_user_by_email_hmac(sql, services.keys, auth::email_hmac(services.keys, email))) {
        items->add(user_item_json(*user));
    }
    http::Page page;
    page.limit = 1;
    return http::json_response(200, http::page_json(items, page));
}

// POST /api/admin/users/{id}/reveal-email (step-up) → {"email"}
http::Response reveal_email(http::Request& request, server::Services& services) {
    const auth::Caller caller = require_admin_access(request, services);
    const auth::User target = require_target_user(request, services);
    require_superadmin_for_admin_target(request, services, caller, target, "EMAIL_REVEALED");
    auth::require_step_up(caller);
    std::string email;
    services.database.transaction([&](soci::session& tx) {
        email = auth::user_email(tx, services.keys, target.id);
        audit::record(tx, success(request, caller, "EMAIL_REVEALED", target.id));
    });
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object();
    body->set("email", email);
    return http::json_response(200, body);
}

// PUT /api/admin/users/{id}/role {"role","reason"} (step-up). Rules: own_role →
// superadmin_required → last_superadmin.
http::Response change_role(http::Request& request, server::Services& services) {
    const auth::Caller caller = require_admin_access(request, services);
    const auth::User target = require_target_user(request, services);
    // On one's own account own_role (a rule after step-up and body) answers instead.
    if (target.id != caller.session.user_id) {
        require_superadmin_for_admin_target(request, services, caller, target, "ROLE_CHANGED");
    }
    auth::require_step_up(caller);
    http::FieldReader fields(http::json_body(request), {"role", "reason"});
    const std::string role = fields.required_string("role", 100);
    std::string reason = fields.required_string("reason", 500);
    if (!role.empty() && !is_known_role(role)) fields.fail("role", "invalid");
    if (!reason.empty() && blank(reason)) fields.fail("reason", "required");
    fields.finish();

    db::transaction_then_refuse(services.database, [&](soci::session& tx) -> std::optional<http::ApiError> {
        const long long superadmins = auth::lock_active_superadmins(tx);
        const auto current = auth::lock_user(tx, services.keys, target.id);
        if (!current) throw http::not_found();
        const std::string from = current->role;
        std::optional<http::ApiError> refusal;
        if (current->id == caller.session.user_id) {
            refusal = own_role();
        } else if (caller.session.role != "superadmin" && (auth::is_admin_role(role) || auth::is_admin_role(from))) {
            refusal = superadmin_required();
        } else if (from == "superadmin" && role != "superadmin" && current->status == "active" && superadmins <= 1) {
            refusal = last_superadmin();
        }
        if (refusal) {
            record_denial(tx, request, caller, "ROLE_CHANGED", "user", target.id, *refusal,
                          {{"from_role", from}, {"to_role", role}});
            return refusal;
        }
        if (from == role) return std::nullopt;  // nothing changes: no mail, no session ends, no audit row
        store_role_change(tx, {target.id, caller.session.user_id, from, role, reason, request.request_id});
        vehicles::invalidate_owner_trust(tx, target.id);  // the role decides the priority to-dos
        // Into or out of an admin role: the second-factor rules change, so every session ends.
        const long long ended = auth::is_admin_role(from) || auth::is_admin_role(role) ? auth::end_all_sessions(tx, target.id) : 0;
        mail::queue_security_notice(tx, services.keys, auth::user_email(tx, services.keys, target.id),
                                    mail::SecurityEvent::role_changed, role);
        auto event = success(request, caller, "ROLE_CHANGED", target.id);
        event.meta = {{"from_role", from}, {"to_role", role}, {"sessions_ended", static_cast<std::int64_t>(ended)}};
        audit::record(tx, event);
        return std::nullopt;
    });
    return user_response(services, target.id);
}

// POST /api/admin/users/{id}/disable (step-up): ends every session at once; 409 last_superadmin.
http::Response disable(http::Request& request, server::Services& services) {
    const auth::Caller caller = require_admin_access(request, services);
    const auth::User target = require_target_user(request, services);
    require_superadmin_for_admin_target(request, services, caller, target, "USER_DISABLED");
    auth::require_step_up(caller);

    db::transaction_then_refuse(services.database, [&](soci::session& tx) -> std::optional<http::ApiError> {
        const long long superadmins = auth::lock_active_superadmins(tx);
        const auto current = auth::lock_user(tx, services.keys, target.id);
        if (!current) throw http::not_found();
        std::optional<http::ApiError> refusal;
        if (caller.session.role != "superadmin" && auth::is_admin_role(current->role)) {
            refusal = superadmin_required();  // promoted since the check above
        } else if (current->role == "superadmin" && current->status == "active" && superadmins <= 1) {
            refusal = last_superadmin();
        }
        if (refusal) {
            record_denial(tx, request, caller, "USER_DISABLED", "user", target.id, *refusal);
            return refusal;
        }
        if (current->status == "disabled") return std::nullopt;  // already disabled: nothing changes
        auth::set_status(tx, target.id, "disabled");
        const long long ended = auth::end_all_sessions(tx, target.id);
        auto event = success(request, caller, "USER_DISABLED", target.id);
        event.meta = {{"sessions_ended", static_cast<std::int64_t>(ended)}};
        audit::record(tx, event);
        return std::nullopt;
    });
    return user_response(services, target.id);
}

// POST /api/admin/users/{id}/enable (step-up).
http::Response enable(http::Request& request, server::Services& services) {
    const auth::Caller caller = require_admin_access(request, services);
    const auth::User target = require_target_user(request, services);
    require_superadmin_for_admin_target(request, services, caller, target, "USER_ENABLED");
    auth::require_step_up(caller);

    db::transaction_then_refuse(services.database, [&](soci::session& tx) -> std::optional<http::ApiError> {
        const auto current = auth::lock_user(tx, services.keys, target.id);
        if (!current) throw http::not_found();
        if (caller.session.role != "superadmin" && auth::is_admin_role(current->role)) {
            record_denial(tx, request, caller, "USER_ENABLED", "user", target.id, superadmin_required());
            return superadmin_required();
        }
        if (current->status == "active") return std::nullopt;
        auth::set_status(tx, target.id, "active");
        audit::record(tx, success(request, caller, "USER_ENABLED", target.id));
        return std::nullopt;
    });
    return user_response(services, target.id);
}

// POST /api/admin/users/{id}/reset-totp (superadmin + step-up): TOTP, pending enrolment,
// backup codes and the failure lock are cleared and every session ends; the account enrols
// again at its next sign-in.
http::Response reset_totp(http::Request& request, server::Services& services) {
    const auth::Caller caller = require_admin_access(request, services);
    const auth::User target = require_target_user(request, services);
    auth::require_step_up(caller);
    services.database.transaction([&](soci::session& tx) {
        if (!auth::lock_user(tx, services.keys, target.id)) throw http::not_found();
        auth::clear_second_factor(tx, target.id);
        auth::delete_backup_codes(tx, target.id);
        const long long ended = auth::end_all_sessions(tx, target.id);
        auto event = success(request, caller, "TOTP_RESET", target.id);
        event.meta = {{"sessions_ended", static_cast<std::int64_t>(ended)}};
        audit::record(tx, event);
    });
    return user_response(services, target.id);
}

}  // namespace

void register_user_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"GET", "/api/admin/users", auth::Access::admin, list},
        {"POST", "/api/admin/users/search", auth::Access::admin, search},
        {"POST", "/api/admin/users/{id}/reveal-email", auth::Access::admin, reveal_email},
        {"PUT", "/api/admin/users/{id}/role", auth::Access::admin, change_role},
        {"POST", "/api/admin/users/{id}/disable", auth::Access::admin, disable},
        {"POST", "/api/admin/users/{id}/enable", auth::Access::admin, enable},
        {"POST", "/api/admin/users/{id}/reset-totp", auth::Access::superadmin, reset_totp, {"TOTP_RESET", "user"}},
    });
}

}  // namespace ltc::admin
