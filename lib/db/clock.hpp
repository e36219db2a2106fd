#pragma once
// "Today" is the calendar date in Europe/Berlin (API.md), taken from PostgreSQL's clock and
// time zone data so every worker and host agrees.
#include <soci/soci.h>

#include "trust/civil_date.hpp"

namespace ltc::db {

trust::CivilDate today_in_berlin(soci::session& sql);

}  // namespace ltc::db
