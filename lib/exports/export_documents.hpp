#pragma once
// The documents part of an export: the documents module decides what is valid evidence.
#include <set>
#include <string>

#include <Poco/JSON/Array.h>
#include <soci/soci.h>

#include "entries/entry_json.hpp"

namespace ltc::exports {

struct ExportedDocuments {
    Poco::JSON::Array::Ptr json;  // Document objects (API.md "Documents")
    std::set<std::string> ids;
};

// The vehicle's valid evidence only: never a quarantined, rejected, infected or PII-suspected
// document.
ExportedDocuments valid_evidence_documents(soci::session& sql, const std::string& vehicle_id);

// The entries of an export name only documents the export carries: an id of a document still
// in quarantine (or rejected) would point nowhere and tell that it exists.
void keep_exported_only(entries::EntryDocuments& documents, const std::set<std::string>& exported_ids);

}  // namespace ltc::exports
