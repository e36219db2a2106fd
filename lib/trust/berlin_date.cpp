#include "trust/berlin_date.hpp"

#include <ctime>

namespace ltc::trust {

namespace {
constexpr std::int64_t seconds_per_day = 86400;

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int year_of_era = static_cast<int>(year - era * 400);
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int day_of_era = static_cast<int>(days - era * 146097);
    const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int shifted_month = (5 * day_of_year + 2) / 153;
    const int day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    const int month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    const int year = static_cast<int>(year_of_era + era * 400) + (month <= 2 ? 1 : 0);
    return CivilDate{year, month, day};
}

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
    return value / divisor - ((value % divisor != 0) && ((value < 0) != (divisor < 0)) ? 1 : 0);
}

// 01:00 UTC on the last Sunday of the month, as a Unix time.
std::int64_t last_sunday_one_utc(int year, int month) {
    const std::int64_t last_day = days_from_civil(year, month, days_in_month(year, month));
    const std::int64_t weekday = (last_day + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    return (last_day - weekday) * seconds_per_day + 3600;
}
}  // namespace

CivilDate utc_date(std::int64_t unix_seconds) { return civil_from_days(floor_div(unix_seconds, seconds_per_day)); }

int berlin_utc_offset(std::int64_t unix_seconds) {
    const int year = utc_date(unix_seconds).year;
    const bool summer = unix_seconds >= last_sunday_one_utc(year, 3) && unix_seconds < last_sunday_one_utc(year, 10);
    return summer ? 7200 : 3600;
}

CivilDate berlin_date(std::int64_t unix_seconds) { return utc_date(unix_seconds + berlin_utc_offset(unix_seconds)); }

CivilDate berlin_today(const std::optional<CivilDate>& override_date) {
    if (override_date) return *override_date;
    return berlin_date(static_cast<std::int64_t>(std::time(nullptr)));
}

}  // namespace ltc::trust
