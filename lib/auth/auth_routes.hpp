#pragma once
// /api/auth/*: sign-in with e-mail codes, sessions, `me` (API.md "Auth").
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::auth {

void register_sign_in_routes(http::Router& router, server::Services& services);  // request, verify
void register_session_routes(http::Router& router, server::Services& services);  // logout, logout-all, me
void register_second_factor_routes(http::Router& router, server::Services& services);  // totp/*, step-up, backup-codes

}  // namespace ltc::auth
