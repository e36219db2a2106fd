#include "db/clock.hpp"

#include <stdexcept>

namespace ltc::db {

trust::CivilDate today_in_berlin(soci::session& sql) {
    std::string today;
    sql << "SELECT to_char((now() AT TIME ZONE 'Europe/Berlin')::date, 'YYYY-MM-DD')", soci::into(today);
    const auto parsed = trust::parse_iso_date(today);
    if (!parsed) throw std::runtime_error("unexpected date from the database");
    return *parsed;
}

}  // namespace ltc::db
