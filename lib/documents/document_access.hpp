#pragma once
// Object scope for documents (API.md order of checks, step 4): a document of someone else's
// vehicle and an unknown id answer 404 alike (with an ACCESS_DENIED audit row); a deleted
// document, or one of a deleted vehicle, exists only for admins.
#include "auth/authenticate.hpp"
#include "documents/document_store.hpp"

namespace ltc::documents {

Document require_document(const http::Request& request, server::Services& services, const auth::Caller& caller);

}  // namespace ltc::documents
