#pragma once
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::documents {

// The Documents section of API.md (owner and admin routes) and its unique constraints.
void register_document_routes(http::Router& router, server::Services& services);

}  // namespace ltc::documents
