#pragma once
// Every module's routes, registered in one place for the worker and for `ltc routes`.
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::routes {

// One line per module; a new module adds its register_*_routes here (docs/adding-a-capability.md).
void register_all_routes(http::Router& router, server::Services& services);

}  // namespace ltc::routes
