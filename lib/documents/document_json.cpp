#include "documents/document_json.hpp"

#include <Poco/JSON/Array.h>

namespace ltc::documents {

Poco::JSON::Object::Ptr document_json(const Document& document) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", document.id);
    json->set("vehicle_id", document.vehicle_id);
    json->set("entry_id", document.entry_id ? Poco::Dynamic::Var(*document.entry_id) : Poco::Dynamic::Var());
    json->set("filename", document.filename);
    json->set("content_type", document.content_type);
    json->set("size_bytes", document.size_bytes);
    json->set("sha256", document.sha256);
    json->set("approval", std::string(to_string(document.state.approval)));
    json->set("scan", std::string(to_string(document.state.scan)));
    json->set("pii", std::string(to_string(document.state.pii)));
    json->set("valid_evidence", is_valid_evidence(document.state));
    json->set("uploaded_at", document.uploaded_at);
    return json;
}

Poco::JSON::Object::Ptr documents_page(const std::vector<Document>& documents, std::size_t limit) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (std::size_t i = 0; i < documents.size() && i < limit; ++i) items->add(document_json(documents[i]));
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("items", items);
    body->set("next_cursor",
              documents.size() > limit ? Poco::Dynamic::Var(documents[limit - 1].cursor) : Poco::Dynamic::Var());
    return body;
}

}  // namespace ltc::documents
