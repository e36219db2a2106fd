#pragma once
// Ownership transfers (PRODUCT.md §10, API.md "Public link, transfers, exports").
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::transfers {

void register_transfer_routes(http::Router& router, server::Services& services);

}  // namespace ltc::transfers
