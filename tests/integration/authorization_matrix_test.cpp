// The authorization matrix (issue 9): every route the worker registers (read from the hidden
// `ltc routes`) × eleven identities → the answer of API.md's access step (401, 403 csrf_failed,
// second_factor_required, forbidden, superadmin_required, consent_required) or "passes" (any
// other answer: 404 for a foreign or unknown object, step_up_required, 400 for the `{}` body …).
// A registered route without a row in `expected_access` fails, so new routes join the matrix.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {

struct RouteRow {
    std::string method;
    std::string route_template;
    std::string access;
};

// What API.md prescribes per route. "handler state" routes (totp/*) refuse a session at another
// second-factor step with 403 forbidden after the access step; that answer counts as passing.
const std::map<std::string, std::string> expected_access = {
    {"GET /api/health", "anyone"},
    {"GET /api/health/live", "anyone"},
    {"GET /api/metrics", "anyone"},
    {"POST /api/auth/request", "anyone"},
    {"POST /api/auth/verify", "anyone"},
    {"POST /api/auth/logout", "optional_session"},
    {"POST /api/auth/logout-all", "pending_ok"},
    {"GET /api/auth/me", "pending_ok"},
    {"POST /api/auth/totp/enroll", "pending_ok"},
    {"POST /api/auth/totp/activate", "pending_ok"},
    {"POST /api/auth/totp/verify", "pending_ok"},
    {"POST /api/auth/step-up", "admin_session"},
    {"POST /api/auth/backup-codes", "admin_session"},
    {"GET /api/consent", "optional_session"},
    {"POST /api/consent", "signed_in"},
    {"POST /api/vehicles", "product"},
    {"GET /api/vehicles", "product"},
    {"GET /api/vehicles/{id}", "product"},
    {"PATCH /api/vehicles/{id}", "product"},
    {"DELETE /api/vehicles/{id}", "product"},
    {"POST /api/vehicles/{id}/restore", "product"},
    {"GET /api/vehicles/{id}/trust", "product"},
    {"GET /api/vehicles/{id}/entries", "product"},
    {"POST /api/vehicles/{id}/entries", "product"},
    {"GET /api/vehicles/{id}/entries/{entry_id}", "product"},
    {"GET /api/vehicles/{id}/entries/{entry_id}/history", "product"},
    {"POST /api/vehicles/{id}/entries/{entry_id}/revisions", "product"},
    {"DELETE /api/vehicles/{id}/entries/{entry_id}", "product"},
    {"POST /api/vehicles/{id}/documents", "product"},
    {"GET /api/vehicles/{id}/documents", "product"},
    {"GET /api/documents/{doc_id}", "product"},
    {"GET /api/documents/{doc_id}/content", "product"},
    {"PATCH /api/documents/{doc_id}", "product"},
    {"POST /api/documents/{doc_id}/pii", "product"},
    {"DELETE /api/documents/{doc_id}", "product"},
    {"PUT /api/vehicles/{id}/public-link", "product"},
    {"DELETE /api/vehicles/{id}/public-link", "product"},
    {"GET /api/vehicles/{id}/public-link/qr.svg", "product"},
    {"GET /api/vehicles/{id}/public-link/qr.png", "product"},
    {"GET /api/vehicles/{id}/public-link/sticker.pdf", "product"},
    {"GET /api/vehicles/{id}/history.pdf", "product"},
    {"GET /api/public/qr/{token}", "anyone"},
    {"GET /api/admin/documents", "admin"},
    {"POST /api/admin/documents/{doc_id}/scan", "admin"},
    {"POST /api/admin/documents/{doc_id}/approve", "admin"},
    {"POST /api/admin/documents/{doc_id}/reject", "admin"},
    {"GET /api/admin/audit", "admin"},
    {"GET /api/admin/stats", "admin"},
    {"POST /api/admin/consent-documents", "superadmin"},
    {"GET /api/admin/users", "admin"},
    {"POST /api/admin/users/search", "admin"},
    {"POST /api/admin/users/{id}/reveal-email", "admin"},
    {"PUT /api/admin/users/{id}/role", "admin"},
    {"POST /api/admin/users/{id}/disable", "admin"},
    {"POST /api/admin/users/{id}/enable", "admin"},
    {"POST /api/admin/users/{id}/reset-totp", "superadmin"},
    {"POST /api/vehicles/{id}/transfers", "product"},
    {"GET /api/vehicles/{id}/transfers", "product"},
    {"POST /api/transfers/{id}/extend", "product"},
    {"DELETE /api/transfers/{id}", "product"},
    {"POST /api/transfers/redeem", "product"},
    {"GET /api/vehicles/{id}/export", "product"},
    {"POST /api/admin/exports", "admin"},
    {"GET /api/admin/exports/{export_id}", "admin"},
    {"GET /api/blog", "anyone"},
    {"GET /api/blog/{slug}", "anyone"},
    {"GET /api/news", "anyone"},
    {"GET /api/news/{slug}", "anyone"},
    {"GET /blog/feed.xml", "anyone"},
    {"GET /news/feed.xml", "anyone"},
    {"GET /api/cms/{type}", "editor"},
    {"POST /api/cms/{type}", "editor"},
    {"PATCH /api/cms/{type}/{id}", "editor"},
    {"POST /api/cms/{type}/{id}/submit", "editor"},
    {"POST /api/cms/{type}/{id}/review", "admin"},
    {"POST /api/cms/{type}/{id}/publish", "superadmin"},
};

const std::set<std::string> handler_state_routes = {
    "POST /api/auth/totp/enroll", "POST /api/auth/totp/activate", "POST /api/auth/totp/verify"};

// nginx answers 403 forbidden to every source but 127.0.0.1 here (each identity has its own
// loopback address), before the worker's access step.
const std::set<std::string> edge_local_only = {"GET /api/metrics"};

// Sessions that end others run last, so every identity's session lives through the matrix.
bool ends_sessions(const RouteRow& route) {
    return route.route_template == "/api/auth/logout" || route.route_template == "/api/auth/logout-all";
}

std::vector<RouteRow> registered_routes() {
    const std::string command = env_or("LTC_ROOT", ".") + "/build/bin/ltc routes";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run ltc routes");
    std::string text;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
    if (::pclose(pipe) != 0) throw std::runtime_error("ltc routes failed");
    std::vector<RouteRow> routes;
    std::istringstream lines(text);
    for (RouteRow row; lines >> row.method >> row.route_template >> row.access;) routes.push_back(row);
    return routes;
}

enum class SessionKind { none, pending, full };

struct Identity {
    std::string name;
    StackClient* client;
    std::optional<Session> session;
    SessionKind kind;
    std::string role;
    bool consent;
};

bool is_admin(const std::string& role) { return role == "admin" || role == "superadmin"; }

// The answer API.md's access step gives; nullopt when the request passes it.
std::optional<std::string> expected_refusal(const std::string& access, const Identity& who) {
    if (access == "anyone" || access == "optional_session") return std::nullopt;
    if (who.kind == SessionKind::none) return "unauthenticated";
    if (access == "pending_ok") return std::nullopt;
    if (who.kind == SessionKind::pending) return "second_factor_required";
    if (access == "signed_in") return std::nullopt;
    if (access == "editor") {
        if (who.role != "moderator" && !is_admin(who.role)) return "forbidden";
        return who.consent ? std::nullopt : std::optional<std::string>("consent_required");
    }
    if (access == "product") {
        if (who.role == "moderator") return "forbidden";
        return who.consent ? std::nullopt : std::optional<std::string>("consent_required");
    }
    if (!is_admin(who.role)) return "forbidden";
    if (access == "admin_session") return std::nullopt;
    if (access == "superadmin" && who.role != "superadmin") return "superadmin_required";
    return who.consent ? std::nullopt : std::optional<std::string>("consent_required");
}

const std::set<std::string> access_codes = {"unauthenticated",        "csrf_failed", "second_factor_required",
                                            "forbidden",              "superadmin_required", "consent_required"};

std::optional<std::string> observed_refusal(const Reply& reply) {
    if (reply.status == 401) return "unauthenticated";
    if (reply.status == 403 && access_codes.contains(reply.error_code())) return reply.error_code();
    return std::nullopt;
}

// The owner's vehicle for a vehicle's {id}, "blog" for an article {type}; a well-formed random
// UUID for every other parameter.
std::string concrete_path(const std::string& route_template, const std::string& vehicle_id) {
    std::string path;
    std::istringstream segments(route_template.substr(1));
    for (std::string segment; std::getline(segments, segment, '/');) {
        if (segment == "{id}" && route_template.starts_with("/api/vehicles/")) path += "/" + vehicle_id;
        else if (segment == "{type}") path += "/blog";  // an unknown article type is an unknown path
        else if (segment.starts_with('{')) path += "/" + random_uuid();
        else path += "/" + segment;
    }
    return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(authorization_matrix)

BOOST_AUTO_TEST_CASE(every_route_answers_every_identity_as_api_md_prescribes) {
    const std::vector<RouteRow> routes = registered_routes();
    BOOST_REQUIRE(!routes.empty());
    for (const RouteRow& route : routes) {
        const auto found = expected_access.find(route.method + " " + route.route_template);
        BOOST_TEST_REQUIRE((found != expected_access.end()),
                           "route without an expectation: " << route.method << ' ' << route.route_template);
        BOOST_TEST(found->second == route.access, route.method << ' ' << route.route_template);
    }

    Admin super("superadmin", "matrix-super");
    Admin admin("admin", "matrix-admin");
    Admin unstepped("admin", "matrix-unstepped");
    Admin pending_admin("admin", "matrix-pending");
    const Session pending = pending_admin.sign_in_again();
    query_as_owner("UPDATE sessions SET step_up_until = NULL WHERE user_id = '" + unstepped.session.user_id + "' RETURNING user_id");

    StackClient anonymous(fresh_source_ip());
    StackClient no_consent_client(fresh_source_ip());
    const Session no_consent = sign_in(no_consent_client, fresh_address("matrix-noconsent"));
    Member owner("matrix-owner");
    Member other("matrix-other");
    Member vip(super, "vip", "matrix-vip");
    Member moderator(super, "moderator", "matrix-moderator");
    Member disabled("matrix-disabled");
    query_as_owner("UPDATE users SET status = 'disabled' WHERE id = '" + disabled.session.user_id + "' RETURNING id");
    const std::string vehicle_id = create_vehicle(owner, new_vin());

    const std::vector<Identity> identities = {
        {"anonymous", &anonymous, std::nullopt, SessionKind::none, "", false},
        {"signed in without consent", &no_consent_client, no_consent, SessionKind::full, "user", false},
        {"owner", &owner.client, owner.session, SessionKind::full, "user", true},
        {"other owner", &other.client, other.session, SessionKind::full, "user", true},
        {"vip", &vip.client, vip.session, SessionKind::full, "vip", true},
        {"moderator", &moderator.client, moderator.session, SessionKind::full, "moderator", true},
        {"admin pending second factor", &pending_admin.client, pending, SessionKind::pending, "admin", true},
        {"admin without step-up", &unstepped.client, unstepped.session, SessionKind::full, "admin", true},
        {"admin with step-up", &admin.client, admin.session, SessionKind::full, "admin", true},
        {"superadmin with step-up", &super.client, super.session, SessionKind::full, "superadmin", true},
        {"disabled user's session", &disabled.client, disabled.session, SessionKind::none, "user", true},
    };

    std::vector<RouteRow> ordered;
    for (const RouteRow& route : routes) if (!ends_sessions(route)) ordered.push_back(route);
    for (const RouteRow& route : routes) if (ends_sessions(route) && route.route_template.ends_with("-all")) ordered.push_back(route);
    for (const RouteRow& route : routes) if (route.route_template == "/api/auth/logout") ordered.push_back(route);

    std::size_t cells = 0;
    for (const RouteRow& route : ordered) {
        const std::string key = route.method + " " + route.route_template;
        for (const Identity& who : identities) {
            const bool unsafe = route.method != "GET";
            const Reply reply = who.client->request(route.method, concrete_path(route.route_template, vehicle_id),
                                                    unsafe ? "{}" : "", "application/json",
                                                    who.session ? who.session->cookie_and_csrf() : httplib::Headers{});
            std::optional<std::string> observed = observed_refusal(reply);
            if (observed == "forbidden" && handler_state_routes.contains(key)) observed = std::nullopt;
            const auto expected = edge_local_only.contains(key) ? std::optional<std::string>("forbidden")
                                                                : expected_refusal(route.access, who);
            BOOST_TEST(observed.value_or("passes") == expected.value_or("passes"),
                       key << " as " << who.name << ": " << reply.status << ' ' << reply.body);
            ++cells;
            // The edge allows 30 requests per second per source address.
            std::this_thread::sleep_for(std::chrono::milliseconds(40));
        }
    }
    BOOST_TEST(cells == routes.size() * identities.size());
}

BOOST_AUTO_TEST_SUITE_END()
