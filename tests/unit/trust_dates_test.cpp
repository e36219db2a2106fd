#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "trust/civil_date.hpp"
#include "trust/trust_light.hpp"

using ltc::trust::add_months;
using ltc::trust::CivilDate;
using ltc::trust::EntryFacts;
using ltc::trust::TrustLevel;

namespace {

CivilDate d(const char* iso) {
    const auto date = ltc::trust::parse_iso_date(iso);
    BOOST_REQUIRE_MESSAGE(date.has_value(), iso);
    return *date;
}

std::string iso(const CivilDate& date) { return ltc::trust::format_iso_date(date); }

std::vector<EntryFacts> entries_on(std::initializer_list<const char*> dates) {
    std::vector<EntryFacts> entries;
    std::int64_t km = 1000;
    for (const char* date : dates) {
        entries.push_back(EntryFacts{d(date), km, TrustLevel::T3, "wartung"});
        km += 1000;
    }
    return entries;
}

bool not_current(std::initializer_list<const char*> dates, const char* today) {
    return ltc::trust::history_not_current(entries_on(dates), d(today));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(trust_dates)

BOOST_AUTO_TEST_CASE(leap_years_and_month_lengths) {
    BOOST_TEST(ltc::trust::is_leap_year(2024));
    BOOST_TEST(ltc::trust::is_leap_year(2000));
    BOOST_TEST(!ltc::trust::is_leap_year(1900));
    BOOST_TEST(!ltc::trust::is_leap_year(2023));
    BOOST_TEST(ltc::trust::days_in_month(2024, 2) == 29);
    BOOST_TEST(ltc::trust::days_in_month(2023, 2) == 28);
    BOOST_TEST(ltc::trust::days_in_month(2100, 2) == 28);
    BOOST_TEST(ltc::trust::days_in_month(2023, 4) == 30);
    BOOST_TEST(ltc::trust::days_in_month(2023, 12) == 31);
    BOOST_TEST(ltc::trust::days_in_month(2023, 13) == 0);
    BOOST_TEST(ltc::trust::days_in_month(2023, 0) == 0);
}

BOOST_AUTO_TEST_CASE(parse_and_format_iso_dates) {
    BOOST_TEST(iso(d("2024-02-29")) == "2024-02-29");
    BOOST_TEST(iso(d("1886-01-01")) == "1886-01-01");
    const CivilDate date = d("2023-07-04");
    BOOST_TEST(date.year == 2023);
    BOOST_TEST(date.month == 7);
    BOOST_TEST(date.day == 4);
    for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00",
                            "0000-01-01", "2024-2-29", "2024-02-029", "24-02-29", "2024/02/29",
                            "abcd-01-01", "2024-01-0x", "", " 2024-01-01", "2024-01-01 "}) {
        BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!ltc::trust::parse_iso_date(bad).has_value()); }
    }
    BOOST_TEST(!ltc::trust::is_valid_date(CivilDate{2023, 2, 29}));
    BOOST_TEST(ltc::trust::is_valid_date(CivilDate{2024, 2, 29}));
}

BOOST_AUTO_TEST_CASE(format_utc_instants_from_epoch_seconds) {
    // Expected values from GNU date -u -d @SECONDS.
    const std::pair<std::int64_t, const char*> cases[] = {
        {0, "1970-01-01T00:00:00Z"},          {-1, "1969-12-31T23:59:59Z"},
        {-86400, "1969-12-31T00:00:00Z"},     {-86401, "1969-12-30T23:59:59Z"},
        {951782399, "2000-02-28T23:59:59Z"},  {951782400, "2000-02-29T00:00:00Z"},
        {1733400000, "2024-12-05T12:00:00Z"}, {4102444799, "2099-12-31T23:59:59Z"},
        // The edges of four-digit years, zero-padded.
        {-62135596800, "0001-01-01T00:00:00Z"}, {-30610224000, "1000-01-01T00:00:00Z"},
        {253402300799, "9999-12-31T23:59:59Z"},
    };
    for (const auto& [seconds, expected] : cases) {
        BOOST_TEST_CONTEXT(seconds) { BOOST_TEST(ltc::trust::format_iso_utc_seconds(seconds) == expected); }
    }
}

BOOST_AUTO_TEST_CASE(dates_compare_as_calendar_order) {
    BOOST_TEST((d("2023-12-31") < d("2024-01-01")));
    BOOST_TEST((d("2024-01-31") < d("2024-02-01")));
    BOOST_TEST((d("2024-02-01") < d("2024-02-02")));
    BOOST_TEST((d("2024-02-02") == d("2024-02-02")));
}

BOOST_AUTO_TEST_CASE(add_months_keeps_the_day_or_clamps_to_the_month_end) {
    BOOST_TEST(iso(add_months(d("2024-06-15"), -24)) == "2022-06-15");
    BOOST_TEST(iso(add_months(d("2022-06-15"), 24)) == "2024-06-15");
    BOOST_TEST(iso(add_months(d("2024-12-15"), 1)) == "2025-01-15");
    BOOST_TEST(iso(add_months(d("2024-01-15"), -1)) == "2023-12-15");
    BOOST_TEST(iso(add_months(d("2024-01-31"), 1)) == "2024-02-29");
    BOOST_TEST(iso(add_months(d("2023-01-31"), 1)) == "2023-02-28");
    BOOST_TEST(iso(add_months(d("2024-03-31"), -1)) == "2024-02-29");
    BOOST_TEST(iso(add_months(d("2024-05-31"), 1)) == "2024-06-30");
    BOOST_TEST(iso(add_months(d("2024-03-10"), 0)) == "2024-03-10");
    BOOST_TEST(iso(add_months(d("2024-01-01"), -120)) == "2014-01-01");
    // 29 Feb → 28 Feb in a common year, both directions.
    BOOST_TEST(iso(add_months(d("2024-02-29"), -24)) == "2022-02-28");
    BOOST_TEST(iso(add_months(d("2020-02-29"), 24)) == "2022-02-28");
    BOOST_TEST(iso(add_months(d("2000-02-29"), 12)) == "2001-02-28");
    BOOST_TEST(iso(add_months(d("2020-02-29"), 48)) == "2024-02-29");
    // Floor division below year 1.
    const CivilDate early = add_months(CivilDate{0, 1, 15}, -1);
    BOOST_TEST(early.year == -1);
    BOOST_TEST(early.month == 12);
    BOOST_TEST(early.day == 15);
}

BOOST_AUTO_TEST_CASE(newest_entry_exactly_twenty_four_months_old_is_current) {
    BOOST_TEST(!not_current({"2022-06-15"}, "2024-06-15"));
    BOOST_TEST(not_current({"2022-06-14"}, "2024-06-15"));  // one day more
    BOOST_TEST(!not_current({"2024-06-15"}, "2024-06-15"));
    // Only the newest entry counts for "older than 24 months".
    BOOST_TEST(!not_current({"2022-06-15", "2022-06-14"}, "2024-06-15"));
}

BOOST_AUTO_TEST_CASE(consecutive_entries_exactly_twenty_four_months_apart_are_no_gap) {
    const char* today = "2024-06-15";
    BOOST_TEST(!not_current({"2020-01-10", "2022-01-10", "2024-01-10"}, today));
    BOOST_TEST(not_current({"2020-01-10", "2022-01-11", "2024-01-10"}, today));  // one day more
    // Only consecutive entries by date count; input order does not matter.
    BOOST_TEST(!not_current({"2024-01-10", "2020-01-10", "2022-01-10"}, today));
    BOOST_TEST(not_current({"2024-01-10", "2022-01-11", "2020-01-10"}, today));
    // Same-date entries are no gap.
    BOOST_TEST(!not_current({"2023-05-01", "2023-05-01"}, today));
    // No entries: no verdict (history_missing covers it).
    BOOST_TEST(!ltc::trust::history_not_current({}, d(today)));
}

BOOST_AUTO_TEST_CASE(february_twenty_ninth_today_looks_back_to_the_twenty_eighth) {
    BOOST_TEST(!not_current({"2022-02-28"}, "2024-02-29"));
    BOOST_TEST(not_current({"2022-02-27"}, "2024-02-29"));
    BOOST_TEST(!not_current({"2022-03-01"}, "2024-02-29"));
}

BOOST_AUTO_TEST_CASE(february_twenty_ninth_entry_seen_from_a_common_year) {
    // today 2026-02-28 - 24 months = 2024-02-28
    BOOST_TEST(!not_current({"2024-02-29"}, "2026-02-28"));
    BOOST_TEST(!not_current({"2024-02-28"}, "2026-02-28"));
    BOOST_TEST(not_current({"2024-02-27"}, "2026-02-28"));
    // today 2026-03-01 - 24 months = 2024-03-01: the 29th is older.
    BOOST_TEST(not_current({"2024-02-29"}, "2026-03-01"));
}

BOOST_AUTO_TEST_CASE(february_twenty_ninth_entry_starts_a_gap) {
    // 2020-02-29 + 24 months = 2022-02-28
    const char* today = "2022-06-01";
    BOOST_TEST(!not_current({"2020-02-29", "2022-02-28"}, today));
    BOOST_TEST(not_current({"2020-02-29", "2022-03-01"}, today));
}

BOOST_AUTO_TEST_CASE(regularity_indicator_follows_the_date_rule) {
    ltc::trust::TrustInput input;
    input.accident_status = ltc::trust::AccidentStatus::unfallfrei;
    input.today = d("2024-06-15");
    input.entries = entries_on({"2022-06-15"});
    auto result = ltc::trust::compute_trust(input);
    BOOST_TEST(result.indicators.regularity == "vorhanden");
    BOOST_TEST(result.reasons.empty());
    BOOST_TEST(ltc::trust::to_string(result.light) == "gruen");

    input.entries = entries_on({"2022-06-14"});
    result = ltc::trust::compute_trust(input);
    BOOST_TEST(result.indicators.regularity == "nicht_vorhanden");
    BOOST_REQUIRE(result.reasons.size() == 1u);
    BOOST_TEST(result.reasons[0].code == "history_not_current");
    BOOST_TEST(ltc::trust::to_string(result.light) == "gelb");
}

BOOST_AUTO_TEST_SUITE_END()
