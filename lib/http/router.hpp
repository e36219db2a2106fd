#pragma once
// Routes "METHOD /template/{param}" to handlers; 404 for unknown paths, 405 with Allow.
#include <functional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace ltc::http {

using Handler = std::function<Response(Request&)>;

struct RouteMatch {
    enum class Kind { found, not_found, method_not_allowed };
    Kind kind = Kind::not_found;
    const Handler* handler = nullptr;
    std::string route_template;  // the metrics label; "unmatched" when nothing matched
    StringMap params;
    std::string allow;           // "GET, POST" for 405
};

class Router {
public:
    void add(std::string method, const std::string& route_template, Handler handler);
    RouteMatch match(const std::string& method, const std::string& path) const;

private:
    struct Route {
        std::string method;
        std::string route_template;
        std::vector<std::string> segments;
        Handler handler;
    };
    std::vector<Route> routes_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace ltc::http
