#pragma once
// Routes "METHOD /template/{param}" to handlers; 404 for unknown paths, 405 with Allow.
#include <functional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace ltc::http {

using Handler = std::function<Response(Request&)>;

// Buffered: the worker reads the body (up to LTC_MAX_BODY_BYTES) before the handler runs.
// Streamed: the handler reads it itself through Request::read_body (uploads to disk).
enum class BodyMode { buffered, streamed };

struct RouteMatch {
    enum class Kind { found, not_found, method_not_allowed };
    Kind kind = Kind::not_found;
    const Handler* handler = nullptr;
    std::string route_template;  // the metrics label; "unmatched" when nothing matched
    StringMap params;
    std::string allow;           // "GET, POST" for 405
    BodyMode body_mode = BodyMode::buffered;
};

// What a route declares, listed without running it (`ltc routes`, the authorization matrix test).
struct RouteInfo {
    std::string method;
    std::string route_template;
    std::string access;  // the access class's name; empty for routes added outside the service table
};

class Router {
public:
    void add(std::string method, const std::string& route_template, Handler handler,
             BodyMode body_mode = BodyMode::buffered, std::string access = {});
    RouteMatch match(const std::string& method, const std::string& path) const;
    std::vector<RouteInfo> routes() const;

private:
    struct Route {
        std::string method;
        std::string route_template;
        std::vector<std::string> segments;
        Handler handler;
        BodyMode body_mode;
        std::string access;
    };
    std::vector<Route> routes_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace ltc::http
