#include "entries/entry_json.hpp"

#include <Poco/JSON/Array.h>

#include "documents/document_store.hpp"
#include "trust/trust_light.hpp"

namespace ltc::entries {

namespace {
Poco::Dynamic::Var nullable(const std::optional<std::string>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}
}  // namespace

EntryDocuments entry_documents(soci::session& sql, const std::string& vehicle_id) {
    EntryDocuments documents;
    for (auto& link : documents::entry_document_links(sql, vehicle_id)) {
        if (link.valid_evidence) documents.with_valid_evidence.insert(link.entry_id);
        documents.attached[link.entry_id].push_back(std::move(link.document_id));
    }
    return documents;
}

Poco::JSON::Object::Ptr entry_json(const EntryVersion& entry, const EntryDocuments& documents) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", entry.entry_id);
    json->set("version", entry.version);
    json->set("date", entry.fields.date);
    json->set("category", entry.fields.category);
    json->set("performed_by", entry.fields.performed_by);
    json->set("odometer_km", entry.fields.odometer_km);
    json->set("note", nullable(entry.fields.note));
    json->set("cost", nullable(entry.fields.cost));
    json->set("paper_book", entry.fields.paper_book);
    const bool evidence = documents.with_valid_evidence.contains(entry.entry_id);
    json->set("trust_level", std::string(trust::to_string(trust::derive_trust_level(evidence, entry.fields.paper_book))));
    Poco::JSON::Array::Ptr document_ids = new Poco::JSON::Array();
    if (const auto found = documents.attached.find(entry.entry_id); found != documents.attached.end()) {
        for (const auto& id : found->second) document_ids->add(id);
    }
    json->set("document_ids", document_ids);
    json->set("deleted", entry.deleted);
    json->set("reason", nullable(entry.reason));
    json->set("created_at", entry.created_at);
    json->set("created_by", entry.created_by);
    return json;
}

}  // namespace ltc::entries
