#include "server/pipeline.hpp"

#include "db/error_mapping.hpp"

namespace ltc::server {

namespace {
http::Response dispatch(const http::Router& router, http::Request& request, Services& services, Outcome& outcome) {
    http::RouteMatch match = router.match(request.method, request.path);
    outcome.route_template = match.route_template;
    switch (match.kind) {
        case http::RouteMatch::Kind::not_found:
            throw http::not_found();
        case http::RouteMatch::Kind::method_not_allowed:
            throw http::ApiError(405, "method_not_allowed").with_header("Allow", match.allow);
        case http::RouteMatch::Kind::found:
            break;
    }
    request.params = std::move(match.params);
    try {
        return (*match.handler)(request);
    } catch (const soci::soci_error& error) {
        outcome.error_kind = "database";
        throw db::map_database_error(error, services.database);
    } catch (const db::DatabaseUnavailable&) {
        outcome.error_kind = "database";
        throw http::ApiError(503, "unavailable");
    }
}
}  // namespace

Outcome handle_request(const http::Router& router, http::Request& request, Services& services) {
    Outcome outcome;
    outcome.route_template = "unmatched";
    try {
        outcome.response = dispatch(router, request, services, outcome);
    } catch (const http::ApiError& error) {
        if (outcome.error_kind.empty()) outcome.error_kind = "api";
        outcome.response = http::error_response(error, request.request_id);
    } catch (...) {
        // Last resort: never a detail to the client, never the exception text in the log (it may hold data).
        outcome.error_kind = "exception";
        outcome.response = http::error_response(http::ApiError(500, "internal_error"), request.request_id);
    }
    outcome.response.with_header("X-Request-Id", request.request_id);
    outcome.response.with_header("Cache-Control", "no-store");
    return outcome;
}

}  // namespace ltc::server
