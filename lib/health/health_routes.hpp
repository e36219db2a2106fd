#pragma once
// GET /api/health, /api/health/live and /api/metrics (API.md "Health and metrics").
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::health {

void register_health_routes(http::Router& router, server::Services& services);

}  // namespace ltc::health
