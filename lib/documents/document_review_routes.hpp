#pragma once
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::documents {

// /api/admin/documents…: the review queue, scan results by hand, approve and reject.
void register_document_review_routes(http::Router& router, server::Services& services);

}  // namespace ltc::documents
