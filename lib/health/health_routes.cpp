#include "health/health_routes.hpp"

#include <chrono>

#include "ltc_version.hpp"

namespace ltc::health {

namespace {
http::Response health(server::Services& services) {
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
http::Response live() {
    http::Response response;
    response.body = R"({"status":"ok"})";
    return response;
}

http::Response metrics(server::Services& services) {
    http::Response response;
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    response.body = metrics::render_prometheus(services.metrics.snapshot(), LTC_VERSION);
    return response;
}
}  // namespace

void register_health_routes(http::Router& router, server::Services& services) {
    router.add("GET", "/api/health", [&services](http::Request&) { return health(services); });
    router.add("GET", "/api/health/live", [](http::Request&) { return live(); });
    router.add("GET", "/api/metrics", [&services](http::Request&) { return metrics(services); });
}

}  // namespace ltc::health
