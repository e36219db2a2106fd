#include "db/migrations.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "crypto/sha256.hpp"
#include "db/database.hpp"

namespace ltc::db {

namespace {
// Any fixed number works; it only has to be the same for every `ltc migrate`.
constexpr const char* advisory_lock_key = "7264519";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MigrationError("cannot read " + path.string());
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string quote_literal(PGconn* connection, const std::string& text) {
    char* quoted = PQescapeLiteral(connection, text.c_str(), text.size());
    if (quoted == nullptr) throw MigrationError("cannot quote a literal");
    std::string result(quoted);
    PQfreemem(quoted);
    return result;
}

std::vector<AppliedMigration> applied_migrations(PGconn* connection) {
    PGresult* result = PQexec(connection, "SELECT version, checksum FROM schema_migrations ORDER BY version");
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
        const std::string message = PQresultErrorMessage(result);
        PQclear(result);
        throw MigrationError(message);
    }
    std::vector<AppliedMigration> applied;
    for (int row = 0; row < PQntuples(result); ++row) {
        applied.push_back(AppliedMigration{std::stoi(PQgetvalue(result, row, 0)), PQgetvalue(result, row, 1)});
    }
    PQclear(result);
    return applied;
}
}  // namespace

std::optional<int> migration_version(const std::string& filename) {
    static const std::regex pattern(R"(^V(\d{1,6})__[A-Za-z0-9_]+\.sql$)");
    std::smatch match;
    if (!std::regex_match(filename, match, pattern)) return std::nullopt;
    return std::stoi(match[1].str());
}

std::vector<MigrationFile> pending_migrations(std::vector<MigrationFile> files,
                                             const std::vector<AppliedMigration>& applied) {
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < files.size(); ++i) {
        if (files[i].version == files[i - 1].version) {
            throw MigrationError("two migration files share version " + std::to_string(files[i].version) + ": " +
                                 files[i - 1].filename + ", " + files[i].filename);
        }
    }
    std::map<int, const MigrationFile*> by_version;
    for (const auto& file : files) by_version[file.version] = &file;
    for (const auto& done : applied) {
        const auto found = by_version.find(done.version);
        if (found == by_version.end()) {
            throw MigrationError("applied migration " + std::to_string(done.version) + " has no file any more");
        }
        if (found->second->checksum != done.checksum) {
            throw MigrationError("migration " + found->second->filename +
                                 " changed after it was applied; landed migrations are never edited — add a new one");
        }
    }
    std::vector<MigrationFile> pending;
    for (auto& file : files) {
        const bool done = std::any_of(applied.begin(), applied.end(),
                                      [&](const AppliedMigration& a) { return a.version == file.version; });
        if (!done) pending.push_back(std::move(file));
    }
    return pending;
}

std::vector<MigrationFile> load_migration_files(const std::string& directory) {
    std::vector<MigrationFile> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        const std::string name = entry.path().filename().string();
        const auto version = migration_version(name);
        if (!version) continue;
        MigrationFile file;
        file.version = *version;
        file.filename = name;
        file.sql = read_file(entry.path());
        file.checksum = crypto::sha256_hex(file.sql);
        files.push_back(std::move(file));
    }
    return files;
}

int run_migrations(PGconn* connection, const std::string& directory,
                   const std::function<void(const std::string&)>& log) {
    execute_script(connection, "SET client_min_messages = warning");
    execute_script(connection, std::string("SELECT pg_advisory_lock(") + advisory_lock_key + ")");
    int count = 0;
    try {
        execute_script(connection,
                       "CREATE TABLE IF NOT EXISTS schema_migrations ("
                       " version integer PRIMARY KEY,"
                       " filename text NOT NULL,"
                       " checksum text NOT NULL,"
                       " applied_at timestamptz NOT NULL DEFAULT now())");
        for (const auto& migration : pending_migrations(load_migration_files(directory), applied_migrations(connection))) {
            log("applying " + migration.filename);
            try {
                execute_script(connection, "BEGIN");
                execute_script(connection, migration.sql);
                execute_script(connection, "INSERT INTO schema_migrations (version, filename, checksum) VALUES (" +
                                               std::to_string(migration.version) + ", " +
                                               quote_literal(connection, migration.filename) + ", " +
                                               quote_literal(connection, migration.checksum) + ")");
                execute_script(connection, "COMMIT");
            } catch (const std::exception& error) {
                PQclear(PQexec(connection, "ROLLBACK"));
                throw MigrationError(migration.filename + ": " + error.what());
            }
            ++count;
        }
    } catch (...) {
        PQclear(PQexec(connection, (std::string("SELECT pg_advisory_unlock(") + advisory_lock_key + ")").c_str()));
        throw;
    }
    execute_script(connection, std::string("SELECT pg_advisory_unlock(") + advisory_lock_key + ")");
    return count;
}

}  // namespace ltc::db
