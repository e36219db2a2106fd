#pragma once
// "Today" (API.md) is the calendar date in Europe/Berlin, computed in the process from the
// system clock: no query, no process-wide TZ. Berlin keeps the EU rule (since 1996): UTC+1,
// and UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
#include <cstdint>
#include <optional>

#include "trust/civil_date.hpp"

namespace ltc::trust {

// The civil date in UTC of a Unix time (seconds).
CivilDate utc_date(std::int64_t unix_seconds);

// Berlin's offset from UTC in seconds at a Unix time: 3600 or 7200.
int berlin_utc_offset(std::int64_t unix_seconds);

// The calendar date in Europe/Berlin at a Unix time.
CivilDate berlin_date(std::int64_t unix_seconds);

// The process's "today" override (LTC_TODAY, for tests of date boundaries); set once at start.
void set_today_override(const std::optional<CivilDate>& override_date);

// Today in Berlin by the system clock, or the given override, or the process's override.
CivilDate berlin_today(const std::optional<CivilDate>& override_date = std::nullopt);

}  // namespace ltc::trust
