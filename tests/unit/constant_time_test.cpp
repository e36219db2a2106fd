// Constant-time equality of secrets.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "crypto/constant_time.hpp"

using ltc::crypto::constant_time_equals;

BOOST_AUTO_TEST_SUITE(constant_time)

BOOST_AUTO_TEST_CASE(equal_strings) {
    BOOST_TEST(constant_time_equals("", ""));
    BOOST_TEST(constant_time_equals("123456", "123456"));
    BOOST_TEST(constant_time_equals(std::string("a\0b", 3), std::string("a\0b", 3)));
}

BOOST_AUTO_TEST_CASE(different_content) {
    BOOST_TEST(!constant_time_equals("123456", "123457"));
    BOOST_TEST(!constant_time_equals("023456", "123456"));
    BOOST_TEST(!constant_time_equals(std::string("a\0b", 3), std::string("a\0c", 3)));
    BOOST_TEST(!constant_time_equals("\xff", "\x7f"));
}

BOOST_AUTO_TEST_CASE(different_lengths) {
    BOOST_TEST(!constant_time_equals("123456", "12345"));
    BOOST_TEST(!constant_time_equals("12345", "123456"));
    BOOST_TEST(!constant_time_equals("", "a"));
    BOOST_TEST(!constant_time_equals("a", ""));
    // A prefix repeated to look equal under wrap-around must still differ.
    BOOST_TEST(!constant_time_equals("abab", "ab"));
    BOOST_TEST(!constant_time_equals(std::string(1, '\0'), ""));
}

BOOST_AUTO_TEST_SUITE_END()
