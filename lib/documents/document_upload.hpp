#pragma once
// POST /api/vehicles/{id}/documents?entry_id=&filename= with the file as the raw body.
#include "http/request.hpp"
#include "http/response.hpp"
#include "server/services.hpp"

namespace ltc::documents {

http::Response upload_document(http::Request& request, server::Services& services);

}  // namespace ltc::documents
