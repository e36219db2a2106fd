#pragma once
// The editors' side of API.md "Blog and news": /api/cms/{blog|news}. Moderators, admins and
// superadmins write and submit; admins review; a superadmin with a step-up publishes.
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::blog {

void register_cms_routes(http::Router& router, server::Services& services);

}  // namespace ltc::blog
