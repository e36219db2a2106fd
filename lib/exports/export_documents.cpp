#include "exports/export_documents.hpp"

#include <algorithm>

#include "documents/document_json.hpp"
#include "documents/document_state.hpp"
#include "documents/document_store.hpp"

namespace ltc::exports {

ExportedDocuments valid_evidence_documents(soci::session& sql, const std::string& vehicle_id) {
    ExportedDocuments exported{new Poco::JSON::Array(), {}};
    for (const auto& document : documents::list_documents(sql, vehicle_id, false)) {
        if (!documents::is_valid_evidence(document.state)) continue;
        exported.json->add(documents::document_json(document));
        exported.ids.insert(document.id);
    }
    return exported;
}

void keep_exported_only(entries::EntryDocuments& documents, const std::set<std::string>& exported_ids) {
    for (auto& [entry_id, ids] : documents.attached) {
        std::erase_if(ids, [&](const std::string& id) { return !exported_ids.contains(id); });
    }
}

}  // namespace ltc::exports
