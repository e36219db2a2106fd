#pragma once
// Reading nullable columns of a soci::row without repeating indicator checks everywhere.
#include <optional>
#include <string>

#include <soci/soci.h>

namespace ltc::db {

std::optional<std::string> optional_text(const soci::row& row, std::size_t column);
std::optional<int> optional_int(const soci::row& row, std::size_t column);
std::optional<bool> optional_bool(const soci::row& row, std::size_t column);
std::string text(const soci::row& row, std::size_t column);
int integer(const soci::row& row, std::size_t column);
// Booleans travel as integers 0/1 (SELECT flag::int) because SOCI's PostgreSQL backend has no bool.
bool flag(const soci::row& row, std::size_t column);

// The SQL for an ISO-8601 UTC timestamp column: to_char(<column> AT TIME ZONE 'UTC', …).
std::string iso_utc(const std::string& column);

}  // namespace ltc::db
