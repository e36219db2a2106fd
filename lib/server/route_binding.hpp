#pragma once
// Handlers are plain functions of (request, services); this binds them for the router.
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::server {

using ServiceHandler = http::Response (*)(http::Request&, Services&);

inline http::Handler with_services(Services& services, ServiceHandler handler) {
    return [&services, handler](http::Request& request) { return handler(request, services); };
}

}  // namespace ltc::server
