#pragma once
// The documents part of an export: the documents module decides what is valid evidence.
#include <string>

#include <Poco/JSON/Array.h>
#include <soci/soci.h>

namespace ltc::exports {

// Document objects (API.md "Documents") of the vehicle's valid evidence only: never a
// quarantined, rejected, infected or PII-suspected one.
Poco::JSON::Array::Ptr valid_evidence_documents(soci::session& sql, const std::string& vehicle_id);

}  // namespace ltc::exports
