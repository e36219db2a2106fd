#pragma once
// /api/vehicles (API.md "Vehicles and entries").
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::vehicles {

void register_vehicle_routes(http::Router& router, server::Services& services);

}  // namespace ltc::vehicles
