#pragma once
// The Entry object of API.md, used by the entry routes and by the exports.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include "entries/entry_store.hpp"
#include "http/json_writer.hpp"

namespace ltc::entries {

// What an entry's JSON needs from the vehicle's documents (its T-level and document_ids).
struct EntryDocuments {
    std::set<std::string> with_valid_evidence;
    std::map<std::string, std::vector<std::string>> attached;
};

EntryDocuments entry_documents(soci::session& sql, const std::string& vehicle_id);
// The same from the rows of documents::entry_document_links_statement (an early read).
EntryDocuments entry_documents(const db::Result& links);

// The Entry object, written once (write_entry); as text for the answers, as a Poco object for
// the documents that embed it (exports).
void write_entry(http::JsonWriter& writer, const EntryVersion& entry, const EntryDocuments& documents);
std::string entry_text(const EntryVersion& entry, const EntryDocuments& documents);
Poco::JSON::Object::Ptr entry_json(const EntryVersion& entry, const EntryDocuments& documents);

}  // namespace ltc::entries
