#include "exports/export_documents.hpp"

#include "documents/document_json.hpp"
#include "documents/document_state.hpp"
#include "documents/document_store.hpp"

namespace ltc::exports {

Poco::JSON::Array::Ptr valid_evidence_documents(soci::session& sql, const std::string& vehicle_id) {
    Poco::JSON::Array::Ptr documents = new Poco::JSON::Array();
    for (const auto& document : documents::list_documents(sql, vehicle_id, false)) {
        if (documents::is_valid_evidence(document.state)) documents->add(documents::document_json(document));
    }
    return documents;
}

}  // namespace ltc::exports
