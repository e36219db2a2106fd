#include "db/error_mapping.hpp"

#include <map>

#include <soci/postgresql/soci-postgresql.h>

namespace ltc::db {

ErrorKind classify_sqlstate(const std::string& sqlstate) {
    if (sqlstate == "23505") return ErrorKind::unique_violation;
    // Class 08: connection exception; 57P01..57P03: the server is shutting down or starting.
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

std::optional<std::string> conflict_code_for_constraint(const std::string& constraint) {
    // Constraint names are fixed by the migrations in sql/; add each new unique constraint here.
    static const std::map<std::string, std::string> codes = {
        {"schema_migrations_pkey", "migration_conflict"},
        {"vehicles_vin_hmac_active_key", "vin_already_registered"},
        {"entry_versions_pkey", "stale_revision"},
        {"consent_documents_pkey", "consent_version_exists"},
    };
    const auto found = codes.find(constraint);
    if (found == codes.end()) return std::nullopt;
    return found->second;
}

http::ApiError map_database_error(const soci::soci_error& error, Database& database) {
    database.record_error();
    std::string sqlstate;
    if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error)) sqlstate = postgres->sqlstate();

    ErrorKind kind = classify_sqlstate(sqlstate);
    if (kind == ErrorKind::other && error.get_error_category() == soci::soci_error::connection_error) {
        kind = ErrorKind::connection_lost;
    }
    if (kind == ErrorKind::other) {
        // libpq reports a dropped socket without a SQLSTATE; the connection status tells.
        try {
            if (PQstatus(database.raw_connection()) != CONNECTION_OK) kind = ErrorKind::connection_lost;
        } catch (const DatabaseUnavailable&) {
            kind = ErrorKind::connection_lost;
        }
    }

    switch (kind) {
        case ErrorKind::connection_lost:
            database.drop();
            return http::ApiError(503, "unavailable");
        case ErrorKind::unique_violation: {
            const auto constraint = constraint_from_message(error.get_error_message());
            const auto code = constraint ? conflict_code_for_constraint(*constraint) : std::nullopt;
            return http::ApiError(409, code.value_or("conflict"));
        }
        case ErrorKind::other:
            break;
    }
    return http::ApiError(500, "internal_error");
}

}  // namespace ltc::db
