#pragma once
// The export documents (docs/exports.md). The vehicle and the entries are the API's renderings
// with explicit parts added or removed; the export format is versioned on its own, so the unit
// test pins the exact keys of each: a field added to the API (an owner id, a link token) fails
// it before it can slip into a redacted export.
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "entries/entry_json.hpp"
#include "entries/entry_store.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::exports {

inline constexpr int format_version = 1;
inline constexpr const char* redacted_format = "ltc-vehicle-export";
inline constexpr const char* full_format = "ltc-full-export";

enum class Detail { redacted, full };

struct EntryRecord {
    entries::EntryVersion latest;
    std::vector<entries::EntryVersion> history;  // every version, oldest first
};

// {"format","version","exported_at"}; the caller adds the rest.
Poco::JSON::Object::Ptr export_header(const std::string& format, const std::string& exported_at);

// Redacted: masked VIN, no owner, no public link. Full (the VIN given): plus "vin", "owner_id",
// "deleted_at", "delete_reason".
Poco::JSON::Object::Ptr vehicle_json(const vehicles::Vehicle& vehicle, const std::string& light,
                                     const std::optional<std::string>& full_vin);

// The entry's latest version with "history"; Detail::full adds "created_by" (a user id).
Poco::JSON::Array::Ptr entries_json(const std::vector<EntryRecord>& entries, const entries::EntryDocuments& documents,
                                    Detail detail);

}  // namespace ltc::exports
