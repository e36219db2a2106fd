#include "database_fingerprint.hpp"

#include <filesystem>
#include <optional>

#include "sign_in_helpers.hpp"

namespace ltc::test {

namespace {
// The text each row contributes; nullopt for a table left out entirely.
std::optional<std::string> row_text(const std::string& table) {
    if (table == "rate_limit_counters" || table == "audit_events") return std::nullopt;
    if (table == "sessions") return "(to_jsonb(t) - 'last_seen_at')::text";
    if (table == "mail_outbox") return "t.id::text";
    return "to_jsonb(t)::text";
}
}  // namespace

DatabaseFingerprint database_fingerprint() {
    DatabaseFingerprint fingerprint;
    const auto tables = query_as_owner(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
        "ORDER BY table_name");
    for (const auto& row : tables) {
        const std::string& table = row[0];
        const auto text = row_text(table);
        if (!text) continue;
        const auto sum = query_as_owner("SELECT count(*)::text || ':' || coalesce(md5(string_agg(x, '|' ORDER BY x)), '') "
                                        "FROM (SELECT " + *text + " AS x FROM \"" + table + "\" t) rows");
        fingerprint.tables[table] = sum[0][0];
    }
    fingerprint.audit_high_water =
        query_as_owner("SELECT coalesce(max(at), '-infinity')::text FROM audit_events")[0][0];
    return fingerprint;
}

std::vector<std::pair<std::string, std::string>> new_audit_rows(const DatabaseFingerprint& before) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& row : query_as_owner("SELECT action, result FROM audit_events WHERE at > '" +
                                          before.audit_high_water + "'::timestamptz")) {
        rows.emplace_back(row[0], row[1]);
    }
    return rows;
}

std::set<std::string> files_below(const std::string& directory) {
    std::set<std::string> files;
    if (!std::filesystem::exists(directory)) return files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
        if (!entry.is_directory()) files.insert(std::filesystem::relative(entry.path(), directory).string());
    }
    return files;
}

}  // namespace ltc::test
