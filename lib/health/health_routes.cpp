#include "health/health_routes.hpp"

#include <chrono>

#include "ltc_version.hpp"
#include "mail/outbox_metrics.hpp"
#include "server/route_binding.hpp"

namespace ltc::health {

namespace {
http::Response health(http::Request&, server::Services& services) {
    const bool database_ok = services.database.ping(std::chrono::milliseconds(services.config.health_timeout_ms));
    Poco::JSON::Object::Ptr checks = new Poco::JSON::Object();
    checks->set("database", database_ok ? "ok" : "unavailable");
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("status", database_ok ? "ok" : "fail");
    body->set("checks", checks);
    body->set("version", LTC_VERSION);
    return http::json_response(database_ok ? 200 : 503, body);
}

// The liveness probe is the hottest route: a constant answer.
http::Response live(http::Request&, server::Services&) {
    http::Response response;
    response.body = R"({"status":"ok"})";
    return response;
}

http::Response metrics(http::Request&, server::Services& services) {
    http::Response response;
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    response.body = metrics::render_prometheus(services.metrics.snapshot(), LTC_VERSION);
    try {
        response.body += mail::outbox_metrics(services.database.session());
    } catch (const std::exception&) {
        // The database is away: the request metrics still count (LtcHealthFailing covers it).
    }
    return response;
}
}  // namespace

void register_health_routes(http::Router& router, server::Services& services) {
    // /api/metrics is limited to 127.0.0.1 by nginx, not by a session.
    server::add_routes(router, services, {
        {"GET", "/api/health", auth::Access::anyone, health},
        {"GET", "/api/health/live", auth::Access::anyone, live},
        {"GET", "/api/metrics", auth::Access::anyone, metrics},
    });
}

}  // namespace ltc::health
