#include "http/router.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace ltc::http {

namespace {
bool is_parameter(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Number of literal segments: a literal beats a parameter at the same place.
std::size_t specificity(const std::vector<std::string>& segments) {
    return static_cast<std::size_t>(std::count_if(segments.begin(), segments.end(),
                                                  [](const std::string& s) { return !is_parameter(s); }));
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path, StringMap& params) {
    if (pattern.size() != path.size()) return false;
    StringMap found;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (is_parameter(pattern[i])) {
            if (path[i].empty()) return false;
            found[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
        } else if (pattern[i] != path[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}
}  // namespace

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t start = path.starts_with('/') ? 1 : 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string::npos ? path.size() : slash;
        segments.push_back(path.substr(start, end - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return segments;
}

void Router::add(std::string method, const std::string& route_template, Handler handler, BodyMode body_mode,
                 std::string access) {
    if (!route_template.starts_with('/')) throw std::invalid_argument("route must start with /: " + route_template);
    routes_.push_back(Route{std::move(method), route_template, split_path(route_template), std::move(handler), body_mode,
                            std::move(access)});
}

std::vector<RouteInfo> Router::routes() const {
    std::vector<RouteInfo> listed;
    for (const Route& route : routes_) listed.push_back(RouteInfo{route.method, route.route_template, route.access});
    return listed;
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
    const auto segments = split_path(path);
    RouteMatch result;
    result.route_template = "unmatched";

    const Route* best = nullptr;
    StringMap best_params;
    std::set<std::string> allowed;
    std::string any_template;
    for (const Route& route : routes_) {
        StringMap params;
        if (!matches(route.segments, segments, params)) continue;
        allowed.insert(route.method);
        if (any_template.empty() || specificity(route.segments) > specificity(split_path(any_template))) {
            any_template = route.route_template;
        }
        if (route.method != method) continue;
        if (best == nullptr || specificity(route.segments) > specificity(best->segments)) {
            best = &route;
            best_params = std::move(params);
        }
    }

    if (best != nullptr) {
        result.kind = RouteMatch::Kind::found;
        result.handler = &best->handler;
        result.route_template = best->route_template;
        result.body_mode = best->body_mode;
        result.params = std::move(best_params);
    } else if (!allowed.empty()) {
        result.kind = RouteMatch::Kind::method_not_allowed;
        result.route_template = any_template;
        for (const auto& name : allowed) result.allow += (result.allow.empty() ? "" : ", ") + name;
    }
    return result;
}

}  // namespace ltc::http
