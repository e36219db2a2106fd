// The sign-in code mail.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "auth/login_mail.hpp"

using ltc::auth::login_code_mail;

BOOST_AUTO_TEST_SUITE(auth_login_mail)

BOOST_AUTO_TEST_CASE(subject_exact) {
    BOOST_TEST(login_code_mail("123456").subject == "LifeTimeCircle \u2013 Dein Login-Code");
    BOOST_TEST(login_code_mail("123456").subject == "LifeTimeCircle \xe2\x80\x93 Dein Login-Code");
}

BOOST_AUTO_TEST_CASE(body_has_code_line_and_validity) {
    const std::string body = login_code_mail("042917").body;
    BOOST_TEST(body.find("\nDein Login-Code: 042917\n") != std::string::npos);
    BOOST_TEST(body.find("10 Minuten") != std::string::npos);
    BOOST_TEST(body.find("g\u00fcltig") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(body_has_no_link) {
    const std::string body = login_code_mail("042917").body;
    BOOST_TEST(body.find("http") == std::string::npos);
    BOOST_TEST(body.find("://") == std::string::npos);
    BOOST_TEST(body.find("www.") == std::string::npos);
    BOOST_TEST(body.find('<') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
