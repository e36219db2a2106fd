#pragma once
// Timeline entries as immutable versions: a change or a deletion is a new row.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "db/query.hpp"
#include "entries/entry_version.hpp"

namespace ltc::entries {

// Latest non-deleted versions: date descending, then newest first, ties by id.
std::vector<EntryVersion> latest_entries(soci::session& sql, const std::string& vehicle_id);
// What the trust light needs of each latest, not deleted entry (trust_entry_heads, V019): the
// summary's re-derivation on every write reads only these.
struct EntryTrustRow {
    std::string entry_id;
    long long day = 0;  // the date as days since 1970-01-01 (formatting dates was most of the read)
    long long odometer_km = 0;
    bool paper_book = false;
    std::string category;
};
db::Statement trust_rows_statement(const std::string& vehicle_id);
std::vector<EntryTrustRow> read_trust_rows(const db::Result& rows);

// latest_entries in two parts, for an early read (auth::early_read).
db::Statement latest_entries_statement(const std::string& vehicle_id);
std::vector<EntryVersion> read_latest_entries(const db::Result& rows);
std::optional<EntryVersion> latest_version(soci::session& sql, const std::string& vehicle_id, const std::string& entry_id);
std::vector<EntryVersion> history(soci::session& sql, const std::string& vehicle_id, const std::string& entry_id);

// Whether any version of this entry exists, on any vehicle (to audit a foreign id).
bool entry_exists(soci::session& sql, const std::string& entry_id);

// Inserts a version; a parallel writer of the same version violates entry_versions_pkey (409 stale_revision).
EntryVersion insert_version(soci::session& sql, const std::string& vehicle_id, const EntryVersion& version);
// The same in parts, for a batch: the INSERT … RETURNING, and the written version from its result.
db::Statement insert_version_statement(const std::string& vehicle_id, const EntryVersion& version);
EntryVersion read_inserted_version(const db::Result& result);

}  // namespace ltc::entries
