#pragma once
// The public QR link (API.md "Public link, transfers, exports"; PRODUCT.md §9, §11): on /
// rotate / off, the QR images and the sticker for the owner, the printable history, and the
// anonymous public read.
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::publiclink {

void register_public_link_routes(http::Router& router, server::Services& services);

}  // namespace ltc::publiclink
