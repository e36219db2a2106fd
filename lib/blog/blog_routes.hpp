#pragma once
// The readers' side of API.md "Blog and news": /api/blog, /api/news and their articles by
// slug. Published articles only; no session and no consent needed.
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::blog {

void register_blog_routes(http::Router& router, server::Services& services);

}  // namespace ltc::blog
