#pragma once
// Numbered SQL migrations (sql/V001__name.sql): applied in order, each in its own transaction,
// recorded with a checksum; a landed file that changed stops the run.
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <libpq-fe.h>

namespace ltc::db {

class MigrationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct MigrationFile {
    int version = 0;
    std::string filename;
    std::string sql;
    std::string checksum;  // sha256 hex of the file's bytes
};

struct AppliedMigration {
    int version = 0;
    std::string checksum;
};

// "V012__add_vehicles.sql" → 12; nullopt for any other name.
std::optional<int> migration_version(const std::string& filename);

// The files still to apply, in order. Throws MigrationError when an applied migration's file
// is missing or changed, or two files share a version.
std::vector<MigrationFile> pending_migrations(std::vector<MigrationFile> files,
                                             const std::vector<AppliedMigration>& applied);

// Reads sql/V*.sql from a directory (other files are ignored).
std::vector<MigrationFile> load_migration_files(const std::string& directory);

// Applies the pending migrations under an advisory lock; returns how many were applied.
int run_migrations(PGconn* connection, const std::string& directory,
                   const std::function<void(const std::string&)>& log);

}  // namespace ltc::db
