#include "trust/civil_date.hpp"

namespace ltc::trust {

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    switch (month) {
        case 1: case 3: case 5: case 7: case 8: case 10: case 12:
            return 31;
        case 4: case 6: case 9: case 11:
            return 30;
        case 2:
            return is_leap_year(year) ? 29 : 28;
        default:
            return 0;
    }
}

bool is_valid_date(const CivilDate& date) {
    return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

// Howard Hinnant's days_from_civil and civil_from_days.
std::int64_t days_since_epoch(const CivilDate& date) {
    int year = date.year;
    const int month = date.month;
    const int day = date.day;
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int year_of_era = static_cast<int>(year - era * 400);
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate date_from_days(std::int64_t days) {
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

CivilDate add_days(const CivilDate& date, std::int64_t days) { return date_from_days(days_since_epoch(date) + days); }

CivilDate next_day(const CivilDate& date) {
    if (date.day < days_in_month(date.year, date.month)) return CivilDate{date.year, date.month, date.day + 1};
    if (date.month < 12) return CivilDate{date.year, date.month + 1, 1};
    return CivilDate{date.year + 1, 1, 1};
}

CivilDate add_months(const CivilDate& date, int months) {
    // Months counted from year 0, month 1; floor division keeps negative totals right.
    const long long total = static_cast<long long>(date.year) * 12 + (date.month - 1) + months;
    long long year = total / 12;
    long long month_index = total % 12;
    if (month_index < 0) {
        month_index += 12;
        year -= 1;
    }
    CivilDate result;
    result.year = static_cast<int>(year);
    result.month = static_cast<int>(month_index) + 1;
    const int last = days_in_month(result.year, result.month);
    result.day = date.day > last ? last : date.day;
    return result;
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            const char c = text[i];
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + (c - '0');
        }
        return value;
    };
    const auto year = digits(0, 4);
    const auto month = digits(5, 2);
    const auto day = digits(8, 2);
    if (!year || !month || !day || *year < 1) return std::nullopt;
    const CivilDate date{*year, *month, *day};
    if (!is_valid_date(date)) return std::nullopt;
    return date;
}

namespace {
// `value` zero-padded to `width` digits (value within 0 .. 10^width - 1). No snprintf: the entry
// list formats two instants per entry, and printf's machinery was most of that.
void append_digits(std::string& text, int value, int width) {
    char digits[4];
    for (int i = width - 1; i >= 0; --i, value /= 10) digits[i] = static_cast<char>('0' + value % 10);
    text.append(digits, static_cast<std::size_t>(width));
}
}  // namespace

std::string format_iso_date(const CivilDate& date) {
    std::string text;
    text.reserve(20);
    append_digits(text, date.year % 10000, 4);
    text += '-';
    append_digits(text, date.month % 100, 2);
    text += '-';
    append_digits(text, date.day % 100, 2);
    return text;
}

std::string format_iso_utc_seconds(std::int64_t seconds) {
    constexpr std::int64_t seconds_per_day = 86400;
    const std::int64_t days = seconds >= 0 ? seconds / seconds_per_day : -((-seconds + seconds_per_day - 1) / seconds_per_day);
    const auto of_day = static_cast<int>(seconds - days * seconds_per_day);
    std::string text = format_iso_date(date_from_days(days));
    text += 'T';
    append_digits(text, of_day / 3600, 2);
    text += ':';
    append_digits(text, of_day / 60 % 60, 2);
    text += ':';
    append_digits(text, of_day % 60, 2);
    text += 'Z';
    return text;
}

}  // namespace ltc::trust
