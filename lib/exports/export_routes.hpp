#pragma once
// Redacted and full exports (PRODUCT.md §11, API.md "Public link, transfers, exports").
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::exports {

void register_export_routes(http::Router& router, server::Services& services);

}  // namespace ltc::exports
