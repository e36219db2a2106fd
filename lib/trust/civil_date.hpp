#pragma once
// Civil (calendar) dates without time or zone, and the calendar-month arithmetic the trust light
// uses (PRODUCT.md §8): "24 months earlier" is the same day 24 months earlier; a day that does
// not exist in the target month (29 Feb in a common year, 31 Apr, …) becomes that month's last
// day. Pure; "today" (Europe/Berlin) is always supplied by the caller.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ltc::trust {

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..days_in_month(year, month)

    friend constexpr auto operator<=>(const CivilDate&, const CivilDate&) = default;
    friend constexpr bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Proleptic Gregorian leap year.
bool is_leap_year(int year);

// 28..31; 0 for a month outside 1..12.
int days_in_month(int year, int month);

// Month 1..12 and day 1..days_in_month.
bool is_valid_date(const CivilDate& date);

// The same day `months` calendar months later (negative: earlier); a day beyond the end of the
// target month is clamped to its last day (2024-02-29 + 12 months = 2025-02-28,
// 2024-03-31 - 1 month = 2024-02-29). Expects a valid date.
CivilDate add_months(const CivilDate& date, int months);

// Days since 1970-01-01 (negative before), and back.
std::int64_t days_since_epoch(const CivilDate& date);
CivilDate date_from_days(std::int64_t days);
// `days` later (negative: earlier).
CivilDate add_days(const CivilDate& date, std::int64_t days);

// The following day.
CivilDate next_day(const CivilDate& date);

// Strict "YYYY-MM-DD" (four-digit year 0001..9999, a day that exists); nothing otherwise.
std::optional<CivilDate> parse_iso_date(std::string_view text);

// "YYYY-MM-DD" with a zero-padded four-digit year. Expects a valid date with year 0..9999.
std::string format_iso_date(const CivilDate& date);

// "YYYY-MM-DDTHH:MM:SSZ" of an instant given as whole seconds since 1970-01-01T00:00:00Z (the
// API's timestamps; negative: before). Expects a year 0..9999.
std::string format_iso_utc_seconds(std::int64_t seconds);

}  // namespace ltc::trust
