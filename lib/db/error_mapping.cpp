#include "db/error_mapping.hpp"

#include <map>

namespace ltc::db {

namespace {
std::map<std::string, std::string>& conflict_codes() {
    static std::map<std::string, std::string> codes = {{"schema_migrations_pkey", "migration_conflict"}};
    return codes;
}
}  // namespace

ErrorKind classify_sqlstate(const std::string& sqlstate) {
    if (sqlstate == "23505") return ErrorKind::unique_violation;
    // Class 08: connection exception (08LT: our own deadline); 57P01..57P03: the server is
    // shutting down or starting.
    if (sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03") {
        return ErrorKind::connection_lost;
    }
    return ErrorKind::other;
}

std::optional<std::string> constraint_from_message(const std::string& message) {
    static const std::string marker = "unique constraint \"";
    const auto start = message.find(marker);
    if (start == std::string::npos) return std::nullopt;
    const auto name_start = start + marker.size();
    const auto end = message.find('"', name_start);
    if (end == std::string::npos) return std::nullopt;
    return message.substr(name_start, end - name_start);
}

void register_conflict_code(const std::string& constraint, const std::string& code) { conflict_codes()[constraint] = code; }

std::optional<std::string> conflict_code_for_constraint(const std::string& constraint) {
    const auto found = conflict_codes().find(constraint);
    if (found == conflict_codes().end()) return std::nullopt;
    return found->second;
}

DatabaseFailure classify_failure(const QueryError& error, bool connection_alive) {
    DatabaseFailure failure;
    failure.kind = classify_sqlstate(error.sqlstate());
    // libpq reports a dropped socket without a SQLSTATE; the connection status tells.
    if (failure.kind == ErrorKind::other && !connection_alive) failure.kind = ErrorKind::connection_lost;
    if (failure.kind == ErrorKind::unique_violation) {
        const auto constraint = constraint_from_message(error.what());
        if (constraint) failure.conflict_code = conflict_code_for_constraint(*constraint);
    }
    return failure;
}

}  // namespace ltc::db
