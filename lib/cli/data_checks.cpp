#include "cli/data_checks.hpp"

#include <array>
#include <filesystem>

#include "crypto/aead.hpp"
#include "cli/sealed_columns.hpp"
#include "crypto/sha256.hpp"
#include "db/query.hpp"
#include "documents/document_storage.hpp"

namespace ltc::cli {

namespace {
const std::array<const char*, 10> counted_tables = {"users",     "sessions",        "vehicles",  "entry_versions",
                                                     "documents", "public_links",    "transfers", "mail_outbox",
                                                     "audit_events", "consent_acceptances"};
}  // namespace

std::vector<std::pair<std::string, long long>> count_tables(soci::session& sql) {
    std::vector<std::pair<std::string, long long>> counts;
    for (const char* table : counted_tables) {
        counts.emplace_back(table, db::query(sql, std::string("SELECT count(*) FROM ") + table)[0].integer(0));
    }
    return counts;
}

CheckResult check_sealed_columns(soci::session& sql, const crypto::KeyRing& keys) {
    CheckResult result;
    for (const SealedColumn& sealed : sealed_columns) {
        const std::string name = std::string(sealed.table) + "." + sealed.column;
        const db::Result rows = db::query(sql, "SELECT id::text, key_version, " + std::string(sealed.column) + " FROM " +
                                                   sealed.table + " WHERE " + sealed.column + " IS NOT NULL ORDER BY id");
        for (const db::Row row : rows) {
            ++result.checked;
            try {
                std::string plaintext = crypto::open_sealed(keys, sealed.field, row.text(0), row.text(2));
                std::fill(plaintext.begin(), plaintext.end(), '\0');
            } catch (const crypto::DecryptionError&) {
                result.problems.push_back(name + " of row " + row.text(0) + " does not open with the configured key for its row (its key_version " +
                                          row.text(1) + ", configured " + std::to_string(keys.version()) +
                                          "; written before row binding? ltc bind-sealed-rows)");
            }
        }
    }
    return result;
}

CheckResult check_document_files(soci::session& sql, const std::string& storage_dir) {
    CheckResult result;
    const documents::Storage storage(storage_dir);
    const db::Result rows = db::query(sql,
                                      "SELECT id::text, sha256, deleted_at IS NOT NULL FROM documents"
                                      " WHERE file_purged_at IS NULL ORDER BY id");
    for (const db::Row row : rows) {
        const std::string id = row.text(0);
        const std::string path = storage.file_path(id);
        if (!std::filesystem::is_regular_file(path)) {
            if (!row.flag(2)) result.problems.push_back("document " + id + ": file " + path + " is missing");
            continue;
        }
        ++result.checked;
        if (crypto::sha256_hex(documents::read_whole_file(path)) != row.text(1)) {
            result.problems.push_back("document " + id + ": the SHA-256 of " + path + " differs from its row");
        }
    }
    return result;
}

}  // namespace ltc::cli
