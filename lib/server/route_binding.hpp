#pragma once
// Handlers are plain functions of (request, services); routes are registered as tables of them,
// each row declaring its access class, which the binding applies before the handler runs.
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/access.hpp"
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::server {

using ServiceHandler = http::Response (*)(http::Request&, Services&);
// Reads a route sends in the caller lookup's round trip (auth::early_read); only reads.
using EarlyReads = std::vector<db::NamedStatement> (*)(const http::Request&, const Services&);

struct ServiceRoute {
    // Every field but the body mode is required: a route without an access class does not compile.
    ServiceRoute(const char* method, const char* route_template, auth::Access access, ServiceHandler handler,
                 http::BodyMode body_mode = http::BodyMode::buffered)
        : method(method), route_template(route_template), access(access), handler(handler), body_mode(body_mode) {}
    // Routes whose refusal is audited (every superadmin route) name the audit row.
    ServiceRoute(const char* method, const char* route_template, auth::Access access, ServiceHandler handler,
                 auth::DeniedAs denied_as)
        : method(method), route_template(route_template), access(access), handler(handler), denied_as(denied_as) {}
    // Routes that need their first reads at once name them (one round trip with the caller lookup).
    ServiceRoute(const char* method, const char* route_template, auth::Access access, ServiceHandler handler,
                 EarlyReads early_reads)
        : method(method), route_template(route_template), access(access), handler(handler), early_reads(early_reads) {}

    const char* method;
    const char* route_template;
    auth::Access access;
    ServiceHandler handler;
    http::BodyMode body_mode = http::BodyMode::buffered;
    auth::DeniedAs denied_as;
    EarlyReads early_reads = nullptr;
};

inline void add_routes(http::Router& router, Services& services, std::initializer_list<ServiceRoute> routes) {
    for (const ServiceRoute& route : routes) {
        if (route.access == auth::Access::superadmin && route.denied_as.action == nullptr) {
            throw std::logic_error(std::string("route ") + route.route_template + ": a superadmin route names its DeniedAs");
        }
        if (route.access == auth::Access::anyone && route.early_reads != nullptr) {
            throw std::logic_error(std::string("route ") + route.route_template + ": early reads ride on a caller lookup");
        }
        const ServiceHandler handler = route.handler;
        const auth::Access access = route.access;
        const auth::DeniedAs denied_as = route.denied_as;
        const EarlyReads early_reads = route.early_reads;
        router.add(
            route.method, route.route_template,
            [&services, handler, access, denied_as, early_reads](http::Request& request) {
                auth::apply_access(access, denied_as, request, services,
                                   early_reads != nullptr ? early_reads(request, services) : std::vector<db::NamedStatement>{});
                return handler(request, services);
            },
            route.body_mode, std::string(auth::access_name(access)));
    }
}

}  // namespace ltc::server
