// The exact Set-Cookie strings of the session cookie.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "auth/session_cookie.hpp"

using namespace ltc::auth;

BOOST_AUTO_TEST_SUITE(auth_session_cookie)

BOOST_AUTO_TEST_CASE(set_cookie_exact) {
    BOOST_TEST(session_cookie("abc123", 28800) ==
               "__Host-ltc_session=abc123; Path=/; Max-Age=28800; Secure; HttpOnly; SameSite=Strict");
    BOOST_TEST(session_cookie("Zm9v_-", 1) ==
               "__Host-ltc_session=Zm9v_-; Path=/; Max-Age=1; Secure; HttpOnly; SameSite=Strict");
}

BOOST_AUTO_TEST_CASE(cleared_cookie_exact) {
    BOOST_TEST(cleared_session_cookie() ==
               "__Host-ltc_session=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
}

BOOST_AUTO_TEST_CASE(negative_max_age_clamped) {
    BOOST_TEST(session_cookie("t", -5) ==
               "__Host-ltc_session=t; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
}

BOOST_AUTO_TEST_SUITE_END()
