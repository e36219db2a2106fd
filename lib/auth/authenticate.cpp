#include "auth/authenticate.hpp"

#include "crypto/constant_time.hpp"
#include "http/api_error.hpp"

namespace ltc::auth {

namespace {
bool is_unsafe(const std::string& method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}
}  // namespace

std::optional<std::string> presented_token(const http::Request& request, bool& via_cookie) {
    const std::string authorization = request.header("authorization");
    static const std::string bearer = "Bearer ";
    if (authorization.size() > bearer.size() && authorization.compare(0, bearer.size(), bearer) == 0) {
        via_cookie = false;
        return authorization.substr(bearer.size());
    }
    if (auto cookie = request.cookie(std::string(session_cookie_name)); cookie && !cookie->empty()) {
        via_cookie = true;
        return cookie;
    }
    return std::nullopt;
}

namespace {
std::optional<Caller> look_up_caller(http::Request& request, server::Services& services) {
    bool via_cookie = false;
    const auto token = presented_token(request, via_cookie);
    if (!token) return std::nullopt;
    auto session = find_live_session(services.database.session(), services.keys, *token);
    if (!session) return std::nullopt;
    request.role = session->role;
    return Caller{*session, *token, via_cookie};
}
}  // namespace

std::optional<Caller> find_caller(http::Request& request, server::Services& services) {
    if (const auto* cached = std::any_cast<std::optional<Caller>>(&request.caller)) return *cached;
    auto caller = look_up_caller(request, services);
    request.caller = caller;
    return caller;
}

void check_caller(const http::Request& request, const Caller& caller, PendingSessions pending) {
    if (caller.via_cookie && is_unsafe(request.method) &&
        !crypto::constant_time_equals(request.header("x-csrf-token"), caller.session.csrf_token)) {
        throw http::ApiError(403, "csrf_failed");
    }
    if (pending == PendingSessions::refused && caller.session.second_factor != "none") {
        throw http::ApiError(403, "second_factor_required");
    }
}

Caller require_signed_in(http::Request& request, server::Services& services, PendingSessions pending) {
    auto caller = find_caller(request, services);
    if (!caller) throw http::ApiError(401, "unauthenticated");
    check_caller(request, *caller, pending);
    return *caller;
}

void require_admin(const Caller& caller) {
    if (!is_admin_role(caller.session.role)) throw http::ApiError(403, "forbidden");
}

void require_superadmin(const Caller& caller) {
    if (caller.session.role != "superadmin") throw http::ApiError(403, "superadmin_required");
}

void require_step_up(const Caller& caller) {
    if (!caller.session.step_up_until) throw http::ApiError(403, "step_up_required");
}

void require_consent(const Caller& caller) {
    if (!caller.session.consent_missing.empty()) {
        throw http::ApiError(403, "consent_required");
    }
}

Caller require_product_access(http::Request& request, server::Services& services) {
    Caller caller = require_signed_in(request, services);
    if (caller.session.role == "moderator") throw http::ApiError(403, "forbidden");
    require_consent(caller);
    return caller;
}

}  // namespace ltc::auth
