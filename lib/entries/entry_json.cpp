#include "entries/entry_json.hpp"

#include <Poco/JSON/Parser.h>

#include "documents/document_store.hpp"
#include "trust/trust_light.hpp"

namespace ltc::entries {

namespace {
EntryDocuments from_links(std::vector<documents::EntryDocumentLink> links) {
    EntryDocuments documents;
    for (auto& link : links) {
        if (link.valid_evidence) documents.with_valid_evidence.insert(link.entry_id);
        documents.attached[link.entry_id].push_back(std::move(link.document_id));
    }
    return documents;
}
}  // namespace

EntryDocuments entry_documents(soci::session& sql, const std::string& vehicle_id) {
    return from_links(documents::entry_document_links(sql, vehicle_id));
}

EntryDocuments entry_documents(const db::Result& links) {
    return from_links(documents::read_entry_document_links(links));
}

void write_entry(http::JsonWriter& writer, const EntryVersion& entry, const EntryDocuments& documents) {
    const bool evidence = documents.with_valid_evidence.contains(entry.entry_id);
    writer.begin_object()
        .key("id").value(entry.entry_id)
        .key("version").value(entry.version)
        .key("date").value(entry.fields.date)
        .key("category").value(entry.fields.category)
        .key("performed_by").value(entry.fields.performed_by)
        .key("odometer_km").value(entry.fields.odometer_km)
        .key("note").value(entry.fields.note)
        .key("cost").value(entry.fields.cost)
        .key("paper_book").value(entry.fields.paper_book)
        .key("trust_level").value(trust::to_string(trust::derive_trust_level(evidence, entry.fields.paper_book)))
        .key("document_ids").begin_array();
    if (const auto found = documents.attached.find(entry.entry_id); found != documents.attached.end()) {
        for (const auto& id : found->second) writer.value(id);
    }
    writer.end_array()
        .key("deleted").value(entry.deleted)
        .key("reason").value(entry.reason)
        .key("created_at").value(entry.created_at)
        .key("created_by").value(entry.created_by)
        .end_object();
}

std::string entry_text(const EntryVersion& entry, const EntryDocuments& documents) {
    http::JsonWriter writer;
    write_entry(writer, entry, documents);
    return writer.take();
}

Poco::JSON::Object::Ptr entry_json(const EntryVersion& entry, const EntryDocuments& documents) {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));  // true: keep the key order
    return parser.parse(entry_text(entry, documents)).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace ltc::entries
