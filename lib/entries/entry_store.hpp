#pragma once
// Timeline entries as immutable versions: a change or a deletion is a new row.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace ltc::entries {

struct EntryFields {
    std::string date;  // YYYY-MM-DD
    std::string category;
    std::string performed_by;
    int odometer_km = 0;
    std::optional<std::string> note;
    std::optional<std::string> cost;  // "129.90"
    bool paper_book = false;
};

struct EntryVersion {
    std::string entry_id;
    int version = 0;
    EntryFields fields;
    bool deleted = false;
    std::optional<std::string> reason;
    std::string created_at;
    std::string created_by;
};

// Latest non-deleted versions: date descending, then newest first, ties by id.
std::vector<EntryVersion> latest_entries(soci::session& sql, const std::string& vehicle_id);
std::optional<EntryVersion> latest_version(soci::session& sql, const std::string& vehicle_id, const std::string& entry_id);
std::vector<EntryVersion> history(soci::session& sql, const std::string& vehicle_id, const std::string& entry_id);

// Whether any version of this entry exists, on any vehicle (to audit a foreign id).
bool entry_exists(soci::session& sql, const std::string& entry_id);

// Inserts a version; a parallel writer of the same version violates entry_versions_pkey (409 stale_revision).
EntryVersion insert_version(soci::session& sql, const std::string& vehicle_id, const EntryVersion& version);

}  // namespace ltc::entries
