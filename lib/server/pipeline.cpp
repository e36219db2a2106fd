#include "server/pipeline.hpp"

#include "db/error_mapping.hpp"

namespace ltc::server {

namespace {
// The client's answer to a failed statement: 503 when the connection is gone (dropped, so a
// later request reconnects), the constraint's own 409 for a unique race, else 500.
http::ApiError database_error_answer(const db::QueryError& error, db::Database& database) {
    database.record_error();
    const db::DatabaseFailure failure = db::classify_failure(error, database.connection_alive());
    switch (failure.kind) {
        case db::ErrorKind::connection_lost:
            if (error.sqlstate() == db::deadline_sqlstate) {
                database.drop_unresponsive();
            } else {
                database.drop();
            }
            return http::ApiError(503, "unavailable");
        case db::ErrorKind::unique_violation:
            return http::ApiError(409, failure.conflict_code.value_or("conflict"));
        case db::ErrorKind::other:
            break;
    }
    return http::ApiError(500, "internal_error");
}

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
    request.route_template = match.route_template;
    try {
        return (*match.handler)(request);
    } catch (const db::QueryError& error) {
        outcome.error_kind = "database";
        outcome.sqlstate = error.sqlstate();
        throw database_error_answer(error, services.database);
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
