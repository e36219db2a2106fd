#pragma once
// Handlers are plain functions of (request, services); routes are registered as tables of them.
#include <initializer_list>

#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::server {

using ServiceHandler = http::Response (*)(http::Request&, Services&);

struct ServiceRoute {
    const char* method;
    const char* route_template;
    ServiceHandler handler;
    http::BodyMode body_mode = http::BodyMode::buffered;
};

inline void add_routes(http::Router& router, Services& services, std::initializer_list<ServiceRoute> routes) {
    for (const ServiceRoute& route : routes) {
        const ServiceHandler handler = route.handler;
        router.add(route.method, route.route_template,
                   [&services, handler](http::Request& request) { return handler(request, services); },
                   route.body_mode);
    }
}

}  // namespace ltc::server
