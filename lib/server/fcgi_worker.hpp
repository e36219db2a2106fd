#pragma once
// The FastCGI accept loop on the socket spawn-fcgi hands over as descriptor 0.
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::server {

// Serves requests until the socket is closed or a stop signal arrives (SIGTERM, SIGINT, SIGUSR1:
// the current request is finished first); returns the exit code.
int run_fcgi_worker(const http::Router& router, Services& services);

}  // namespace ltc::server
