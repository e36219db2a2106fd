#pragma once
// The admin API (API.md "Admin" and consent publishing):
//   GET  /api/admin/users, POST /api/admin/users/search,
//   POST /api/admin/users/{id}/reveal-email, PUT /api/admin/users/{id}/role,
//   POST /api/admin/users/{id}/disable, /enable, /reset-totp,
//   GET  /api/admin/audit, GET /api/admin/stats, POST /api/admin/consent-documents.
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::admin {

void register_admin_routes(http::Router& router, server::Services& services);

// The /api/admin/users* part (user_routes.cpp).
void register_user_routes(http::Router& router, server::Services& services);

}  // namespace ltc::admin
