#include "auth/authenticate.hpp"

#include <map>

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
const std::optional<Caller>* cached_caller(const http::Request& request) {
    return std::any_cast<std::optional<Caller>>(&request.caller);
}

// Remembers the caller for the rest of the request (find_caller answers from it).
std::optional<Caller> keep_caller(http::Request& request, std::optional<SessionInfo> session, std::string token,
                                  bool via_cookie) {
    std::optional<Caller> caller;
    if (session) {
        request.role = session->role;
        caller = Caller{std::move(*session), std::move(token), via_cookie};
    }
    request.caller = caller;
    return caller;
}
}  // namespace

std::optional<Caller> find_caller(http::Request& request, server::Services& services) {
    return find_caller_with(request, services, {});
}

std::optional<Caller> find_caller_with(http::Request& request, server::Services& services,
                                       const std::vector<db::NamedStatement>& reads) {
    if (const auto* cached = cached_caller(request)) return *cached;
    bool via_cookie = false;
    const auto token = presented_token(request, via_cookie);
    const auto lookup = token ? live_session_statement(services.keys, *token) : std::nullopt;
    if (!lookup) return keep_caller(request, std::nullopt, {}, via_cookie);
    std::vector<db::Statement> statements{*lookup};
    for (const auto& read : reads) statements.push_back(read.statement);
    auto& sql = services.database.session();
    const auto results = db::query_all(sql, statements);
    std::map<std::string, db::Result> by_name;
    for (std::size_t i = 0; i < reads.size(); ++i) by_name.emplace(reads[i].name, results[i + 1]);
    request.early_reads = std::move(by_name);
    auto live = read_live_session(results.front());
    if (!live) return keep_caller(request, std::nullopt, *token, via_cookie);
    return keep_caller(request, settle_live_session(sql, std::move(*live)), *token, via_cookie);
}

std::optional<db::Result> early_read(const http::Request& request, const std::string& name) {
    const auto* reads = std::any_cast<std::map<std::string, db::Result>>(&request.early_reads);
    if (reads == nullptr) return std::nullopt;
    const auto found = reads->find(name);
    if (found == reads->end()) return std::nullopt;
    return found->second;
}

db::Result early_read_or_query(const http::Request& request, const std::string& name, soci::session& sql,
                               const db::Statement& statement) {
    if (auto early = early_read(request, name)) return *early;
    return db::query(sql, statement);
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
