// The mailer against an SMTP server that refuses or hangs (issue 15): the outbox keeps the
// message, each failed attempt is counted and the next one waits (backoff), and once the
// server accepts, the message is delivered and its content wiped. The stack's own mailer (which
// writes .eml files) is stopped meanwhile; `ltc mailer --once` runs against a local sink.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "admin_helpers.hpp"
#include "smtp_sink.hpp"

using namespace ltc::test;

namespace {

struct OutboxRow {
    std::string status;
    int attempts = 0;
    double seconds_to_next = 0;  // next_attempt_at - now()
    bool content_kept = false;
};

OutboxRow outbox_row(const std::string& id) {
    const auto rows = query_as_owner(
        "SELECT status, attempts, extract(epoch FROM next_attempt_at - now()),"
        " recipient_ciphertext IS NOT NULL AND message_ciphertext IS NOT NULL FROM mail_outbox WHERE id = '" + id + "'");
    BOOST_REQUIRE(rows.size() == 1u);
    return OutboxRow{rows[0][0], std::stoi(rows[0][1]), std::stod(rows[0][2]), rows[0][3] == "t"};
}

void make_due(const std::string& id) {
    query_as_owner("UPDATE mail_outbox SET next_attempt_at = now() WHERE id = '" + id + "' RETURNING id");
}

// `ltc mailer --once` over SMTP to the sink; returns how long it took.
double run_mailer_once(const SmtpSink& sink) {
    const auto started = std::chrono::steady_clock::now();
    int status = 0;
    run_command("LTC_SMTP_URL=" + sink.url() + " LTC_SMTP_TIMEOUT_SECONDS=2 " + env_or("LTC_ROOT", ".") +
                    "/scripts/ltc-local.sh mailer --once",
                status);
    BOOST_TEST(status == 0);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mailer_faults, *boost::unit_test::label("faults") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(refusing_and_hanging_smtp_servers_lose_no_mail) {
    // The stack's mailer first delivers what is due, so the sink sees only this test's mail.
    BOOST_TEST(eventually([] {
        return count_rows("SELECT count(*) FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= now()") == 0;
    }));
    stack_action("mailer-stop");
    try {
        SmtpSink sink;
        const std::string address = fresh_address("smtp");
        StackClient client(fresh_source_ip());
        request_code(client, address);
        const auto newest = query_as_owner("SELECT id FROM mail_outbox WHERE status = 'pending' ORDER BY created_at DESC LIMIT 1");
        BOOST_REQUIRE(newest.size() == 1u);
        const std::string id = newest[0][0];

        // Refused: one attempt counted, the next one in 5 s, the message kept.
        sink.set_mode(SmtpSink::Mode::refuse);
        run_mailer_once(sink);
        OutboxRow row = outbox_row(id);
        BOOST_TEST(row.status == "pending");
        BOOST_TEST(row.attempts == 1);
        BOOST_TEST(row.seconds_to_next > 3.0);
        BOOST_TEST(row.seconds_to_next <= 5.0);
        BOOST_TEST(row.content_kept);
        BOOST_TEST(sink.connections() == 1);

        // Not due yet: the mailer leaves it alone (no connection, no attempt).
        run_mailer_once(sink);
        BOOST_TEST(outbox_row(id).attempts == 1);
        BOOST_TEST(sink.connections() == 1);

        // Hanging: the attempt ends after LTC_SMTP_TIMEOUT_SECONDS, the backoff doubles.
        make_due(id);
        sink.set_mode(SmtpSink::Mode::hang);
        const double hung_seconds = run_mailer_once(sink);
        BOOST_TEST(hung_seconds < 10.0);
        row = outbox_row(id);
        BOOST_TEST(row.status == "pending");
        BOOST_TEST(row.attempts == 2);
        BOOST_TEST(row.seconds_to_next > 5.0);
        BOOST_TEST(row.seconds_to_next <= 10.0);
        BOOST_TEST(row.content_kept);

        // The server is back: delivered once, with the code, and the content wiped.
        make_due(id);
        sink.set_mode(SmtpSink::Mode::accept);
        run_mailer_once(sink);
        row = outbox_row(id);
        BOOST_TEST(row.status == "sent");
        BOOST_TEST(!row.content_kept);
        const auto messages = sink.messages();
        BOOST_REQUIRE(messages.size() == 1u);
        BOOST_TEST(messages[0].find("<" + address + ">") != std::string::npos);
        BOOST_TEST(messages[0].find("Login-Code") != std::string::npos);
    } catch (...) {
        stack_action("mailer-start");
        throw;
    }
    stack_action("mailer-start");
}

BOOST_AUTO_TEST_SUITE_END()
