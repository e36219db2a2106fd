#pragma once
#include <vector>

#include <Poco/JSON/Object.h>

#include "documents/document_store.hpp"

namespace ltc::documents {

// API.md's Document: {"id","vehicle_id","entry_id","filename","content_type","size_bytes",
// "sha256","approval","scan","pii","valid_evidence","uploaded_at"}.
Poco::JSON::Object::Ptr document_json(const Document& document);

// {"items":[…],"next_cursor":null|"…"}; `documents` may hold one row more than the page.
Poco::JSON::Object::Ptr documents_page(const std::vector<Document>& documents, std::size_t limit);

}  // namespace ltc::documents
