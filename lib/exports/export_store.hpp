#pragma once
// Full exports in PostgreSQL (table full_exports) and the reads the export documents need.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace ltc::exports {

struct FullExport {
    std::string id;
    std::string target_type;  // vehicle | user
    std::string target_id;
    std::string token_hash;
    std::string created_at;
    std::string expires_at;
    bool downloaded = false;
    bool expired = false;
};

// The database's clock as ISO-8601 UTC (exported_at).
std::string database_now(soci::session& sql);

FullExport insert_full_export(soci::session& sql, const std::string& target_type, const std::string& target_id,
                              const std::string& created_by, const std::string& token_hash, int key_version,
                              long ttl_seconds);
std::optional<FullExport> load_full_export(soci::session& sql, const std::string& id);
// Row-locked: a concurrent second download waits and then finds it downloaded.
std::optional<FullExport> lock_full_export(soci::session& sql, const std::string& id);
// Downloaded: its file is deleted after the commit (or by the retention job).
void mark_downloaded(soci::session& sql, const std::string& id);

// Exports whose file is due for deletion (expired or downloaded) and not yet deleted.
std::vector<std::string> exports_to_purge(soci::session& sql);
void mark_purged(soci::session& sql, const std::string& id);

// Every vehicle the user owns, deleted ones included, oldest first.
std::vector<std::string> owned_vehicle_ids(soci::session& sql, const std::string& user_id);

}  // namespace ltc::exports
