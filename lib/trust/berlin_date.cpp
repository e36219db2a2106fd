#include "trust/berlin_date.hpp"

#include <ctime>

namespace ltc::trust {

namespace {
constexpr std::int64_t seconds_per_day = 86400;

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
    return value / divisor - ((value % divisor != 0) && ((value < 0) != (divisor < 0)) ? 1 : 0);
}

// 01:00 UTC on the last Sunday of the month, as a Unix time.
std::int64_t last_sunday_one_utc(int year, int month) {
    const std::int64_t last_day = days_since_epoch(CivilDate{year, month, days_in_month(year, month)});
    const std::int64_t weekday = (last_day + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    return (last_day - weekday) * seconds_per_day + 3600;
}
}  // namespace

CivilDate utc_date(std::int64_t unix_seconds) { return date_from_days(floor_div(unix_seconds, seconds_per_day)); }

int berlin_utc_offset(std::int64_t unix_seconds) {
    const int year = utc_date(unix_seconds).year;
    const bool summer = unix_seconds >= last_sunday_one_utc(year, 3) && unix_seconds < last_sunday_one_utc(year, 10);
    return summer ? 7200 : 3600;
}

CivilDate berlin_date(std::int64_t unix_seconds) { return utc_date(unix_seconds + berlin_utc_offset(unix_seconds)); }

namespace {
std::optional<CivilDate>& process_override() {
    static std::optional<CivilDate> date;
    return date;
}
}  // namespace

void set_today_override(const std::optional<CivilDate>& override_date) { process_override() = override_date; }

CivilDate berlin_today(const std::optional<CivilDate>& override_date) {
    if (override_date) return *override_date;
    if (process_override()) return *process_override();
    return berlin_date(static_cast<std::int64_t>(std::time(nullptr)));
}

}  // namespace ltc::trust
