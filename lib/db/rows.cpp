#include "db/rows.hpp"

namespace ltc::db {

std::optional<std::string> optional_text(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return std::nullopt;
    return row.get<std::string>(column);
}

std::optional<int> optional_int(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return std::nullopt;
    return row.get<int>(column);
}

std::optional<bool> optional_bool(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return std::nullopt;
    return row.get<int>(column) != 0;
}

std::string text(const soci::row& row, std::size_t column) { return optional_text(row, column).value_or(""); }

int integer(const soci::row& row, std::size_t column) { return optional_int(row, column).value_or(0); }

bool flag(const soci::row& row, std::size_t column) { return optional_bool(row, column).value_or(false); }

std::string iso_utc(const std::string& column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
}

}  // namespace ltc::db
