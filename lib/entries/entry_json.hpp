#pragma once
// The Entry object of API.md, used by the entry routes and by the exports.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include "entries/entry_store.hpp"

namespace ltc::entries {

// What an entry's JSON needs from the vehicle's documents (its T-level and document_ids).
struct EntryDocuments {
    std::set<std::string> with_valid_evidence;
    std::map<std::string, std::vector<std::string>> attached;
};

EntryDocuments entry_documents(soci::session& sql, const std::string& vehicle_id);

Poco::JSON::Object::Ptr entry_json(const EntryVersion& entry, const EntryDocuments& documents);

}  // namespace ltc::entries
