#pragma once
// /api/vehicles/{id}/entries… (API.md "Vehicles and entries").
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::entries {

void register_entry_routes(http::Router& router, server::Services& services);

}  // namespace ltc::entries
