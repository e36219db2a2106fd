#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "trust/berlin_date.hpp"

using ltc::trust::berlin_date;
using ltc::trust::berlin_utc_offset;
using ltc::trust::format_iso_date;

namespace {
std::string berlin(std::int64_t unix_seconds) { return format_iso_date(berlin_date(unix_seconds)); }
}  // namespace

BOOST_AUTO_TEST_SUITE(berlin_date_suite)

BOOST_AUTO_TEST_CASE(winter_midnight_is_one_hour_before_utc_midnight) {
    // 2026-01-15T22:59:59Z is 23:59:59 in Berlin; one second later the Berlin date changes.
    BOOST_TEST(berlin(1768517999) == "2026-01-15");
    BOOST_TEST(berlin(1768518000) == "2026-01-16");
}

BOOST_AUTO_TEST_CASE(summer_midnight_is_two_hours_before_utc_midnight) {
    // 2026-07-01T21:59:59Z → 23:59:59 CEST; 22:00:00Z → 2026-07-02 00:00 CEST.
    BOOST_TEST(berlin(1782943199) == "2026-07-01");
    BOOST_TEST(berlin(1782943200) == "2026-07-02");
}

BOOST_AUTO_TEST_CASE(spring_switch_last_sunday_of_march) {
    // 2026-03-29T00:59:59Z is 01:59:59 CET; 01:00:00Z is 03:00 CEST.
    BOOST_TEST(berlin_utc_offset(1774745999) == 3600);
    BOOST_TEST(berlin_utc_offset(1774746000) == 7200);
    // The evening before the switch: 2026-03-28T22:59:59Z is 23:59:59 CET on the 28th.
    BOOST_TEST(berlin(1774738799) == "2026-03-28");
    BOOST_TEST(berlin(1774738800) == "2026-03-29");
}

BOOST_AUTO_TEST_CASE(autumn_switch_last_sunday_of_october) {
    // 2026-10-25T00:59:59Z is 02:59:59 CEST; 01:00:00Z is 02:00 CET.
    BOOST_TEST(berlin_utc_offset(1792889999) == 7200);
    BOOST_TEST(berlin_utc_offset(1792890000) == 3600);
    // Midnight after the switch is 23:00Z: 2026-10-25T22:59:59Z is still the 25th.
    BOOST_TEST(berlin(1792969199) == "2026-10-25");
    BOOST_TEST(berlin(1792969200) == "2026-10-26");
}

BOOST_AUTO_TEST_CASE(year_end_and_leap_day) {
    BOOST_TEST(berlin(1798757999) == "2026-12-31");  // 2026-12-31T22:59:59Z
    BOOST_TEST(berlin(1798758000) == "2027-01-01");
    BOOST_TEST(berlin(1709161200) == "2024-02-29");  // 2024-02-28T23:00:00Z
    BOOST_TEST(berlin(0) == "1970-01-01");
    BOOST_TEST(format_iso_date(ltc::trust::utc_date(-1)) == "1969-12-31");
}

BOOST_AUTO_TEST_CASE(override_wins) {
    const ltc::trust::CivilDate fixed{2030, 5, 17};
    BOOST_TEST(format_iso_date(ltc::trust::berlin_today(fixed)) == "2030-05-17");
}

BOOST_AUTO_TEST_SUITE_END()
