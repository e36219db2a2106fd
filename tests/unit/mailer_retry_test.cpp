// How long the mailer keeps trying: the backoff between attempts, and attempts that span about
// half an hour — an SMTP outage that short loses no mail — inside the hour after which a
// pending mail expires (mail/outbox.cpp).
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "mail/mailer.hpp"

using ltc::mail::backoff_seconds;

BOOST_AUTO_TEST_SUITE(mailer_retry)

BOOST_AUTO_TEST_CASE(the_backoff_doubles_from_five_seconds_up_to_ten_minutes) {
    BOOST_TEST(backoff_seconds(1) == 5);
    BOOST_TEST(backoff_seconds(2) == 10);
    BOOST_TEST(backoff_seconds(4) == 40);
    BOOST_TEST(backoff_seconds(7) == 320);
    BOOST_TEST(backoff_seconds(8) == 600);
    BOOST_TEST(backoff_seconds(30) == 600);
}

BOOST_AUTO_TEST_CASE(the_attempts_span_half_an_hour_before_the_mail_would_expire) {
    const ltc::mail::MailerSettings settings;
    long waited = 0;
    for (int failed = 1; failed < settings.max_attempts; ++failed) waited += backoff_seconds(failed);
    BOOST_TEST(waited >= 30 * 60);
    BOOST_TEST(waited < 60 * 60);
}

BOOST_AUTO_TEST_SUITE_END()
