#pragma once
// GET and POST /api/consent (API.md "Consent").
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::consent {

void register_consent_routes(http::Router& router, server::Services& services);

}  // namespace ltc::consent
