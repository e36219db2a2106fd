#pragma once
// POST /api/transfers/redeem: the buyer takes the vehicle over in one transaction.
#include "http/request.hpp"
#include "http/response.hpp"
#include "server/services.hpp"

namespace ltc::transfers {

http::Response redeem(http::Request& request, server::Services& services);

}  // namespace ltc::transfers
