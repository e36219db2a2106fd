// The mail outbox in /api/metrics (alerts LtcMailOutboxStuck and LtcMailSendFailures): a mail
// that has waited 20 minutes after two failed attempts shows in the gauges, and leaves them
// when it is gone.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {
// A pending mail the mailer leaves alone (next attempt tomorrow); removed again in any case.
struct StuckMail {
    std::string id;
    StuckMail() {
        id = query_as_owner(
            "INSERT INTO mail_outbox (key_version, attempts, next_attempt_at, created_at)"
            " VALUES (1, 2, now() + interval '1 day', now() - interval '20 minutes') RETURNING id::text")[0][0];
    }
    ~StuckMail() { query_as_owner("DELETE FROM mail_outbox WHERE id = '" + id + "' RETURNING 1"); }
};

double gauge(const std::string& name) { return metric_value(StackClient().get("/api/metrics").body, name); }
}  // namespace

BOOST_AUTO_TEST_SUITE(outbox_metrics)

BOOST_AUTO_TEST_CASE(a_stuck_mail_shows_in_the_outbox_gauges) {
    double failed_with = 0;
    {
        const StuckMail mail;
        BOOST_TEST(gauge("ltc_mail_outbox_pending") >= 1);
        BOOST_TEST(gauge("ltc_mail_outbox_oldest_pending_age_seconds") >= 1200);
        failed_with = gauge("ltc_mail_failed_attempts_1h");
        BOOST_TEST(failed_with >= 2);
    }
    BOOST_TEST(gauge("ltc_mail_outbox_oldest_pending_age_seconds") < 1200);
    BOOST_TEST(gauge("ltc_mail_failed_attempts_1h") <= failed_with - 2);
}

BOOST_AUTO_TEST_SUITE_END()
