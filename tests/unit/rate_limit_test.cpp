// Fixed-window rate-limit arithmetic.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "auth/rate_limit.hpp"

using namespace ltc::auth;

BOOST_AUTO_TEST_SUITE(auth_rate_limit)

BOOST_AUTO_TEST_CASE(window_start_aligns) {
    BOOST_TEST(window_start(1'700'000'000, 60) == 1'699'999'980);
    BOOST_TEST(window_start(1'699'999'980, 60) == 1'699'999'980);
    BOOST_TEST(window_start(1'700'000'039, 60) == 1'699'999'980);
    BOOST_TEST(window_start(1'700'000'040, 60) == 1'700'000'040);
    BOOST_TEST(window_start(1'700'000'000, 600) == 1'699'999'800);
    BOOST_TEST(window_start(1'700'000'000, 86400) == 1'699'920'000);
    BOOST_TEST(window_start(0, 60) == 0);
    BOOST_TEST(window_start(-1, 60) == -60);
    BOOST_CHECK_THROW(window_start(100, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(count_at_limit_allowed_above_refused) {
    const std::int64_t start = 1'699'999'980;
    const std::int64_t now = start + 15;
    BOOST_TEST(decide(1, 3, now, start, 60).allowed);
    BOOST_TEST(decide(3, 3, now, start, 60).allowed);
    BOOST_TEST(!decide(4, 3, now, start, 60).allowed);
    BOOST_TEST(!decide(100, 3, now, start, 60).allowed);
}

BOOST_AUTO_TEST_CASE(retry_after_is_rest_of_window) {
    const std::int64_t start = 1'699'999'800;
    BOOST_TEST(decide(4, 3, start, start, 600).retry_after_seconds == 600);
    BOOST_TEST(decide(4, 3, start + 15, start, 600).retry_after_seconds == 585);
    BOOST_TEST(decide(4, 3, start + 599, start, 600).retry_after_seconds == 1);
}

BOOST_AUTO_TEST_CASE(retry_after_at_least_one) {
    const std::int64_t start = 1'699'999'800;
    BOOST_TEST(decide(4, 3, start + 600, start, 600).retry_after_seconds == 1);
    BOOST_TEST(decide(4, 3, start + 5000, start, 600).retry_after_seconds == 1);
}

BOOST_AUTO_TEST_CASE(decide_with_window_start) {
    const std::int64_t now = 1'700'000'000;
    const auto decision = decide(11, 10, now, window_start(now, 60), 60);
    BOOST_TEST(!decision.allowed);
    BOOST_TEST(decision.retry_after_seconds == 40);
}

BOOST_AUTO_TEST_SUITE_END()
