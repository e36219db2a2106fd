// Clock jumps of the database server, the one clock every time-to-live is measured with
// (scripts/clock-jump.sh runs PostgreSQL under libfaketime; LTC_CLOCK_OFFSET_FILE holds its
// offset). A jump forward ends codes and sessions early, a jump backward only lengthens them;
// neither is a reason for a 5xx, and the workers need no restart. Runs only in that phase.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "sign_in_helpers.hpp"
#include "stack_client.hpp"

using namespace ltc::test;

namespace {

// libfaketime reads the file again once a second (FAKETIME_CACHE_DURATION=1).
void jump_database_clock_to(const std::string& offset) {
    std::ofstream(env_or("LTC_CLOCK_OFFSET_FILE", var_dir() + "/run/pg-clock-offset")) << offset << "\n";
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
}

std::string database_now() { return query_as_owner("SELECT now()::text").at(0).at(0); }

struct ClockBack {
    ~ClockBack() { jump_database_clock_to("+0"); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(clock_jump, *boost::unit_test::label("clock_jump") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(the_database_clock_really_jumps) {
    ClockBack back;
    jump_database_clock_to("+0");
    const std::string before = database_now();
    jump_database_clock_to("+1d");
    const std::string after = database_now();
    BOOST_TEST(after.substr(0, 10) != before.substr(0, 10), "before " << before << ", after " << after);
}

BOOST_AUTO_TEST_CASE(a_code_expires_when_the_clock_jumps_past_its_lifetime) {
    ClockBack back;
    jump_database_clock_to("+0");
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("jump-code");
    const std::string challenge = request_code(client, address);
    const std::string code = read_code(address);
    jump_database_clock_to("+11m");  // the code lives 10 minutes
    const Reply reply =
        client.post("/api/auth/verify", R"({"challenge_id":")" + challenge + R"(","code":")" + code + R"("})");
    BOOST_TEST(reply.status == 410);
    BOOST_TEST(reply.error_code() == "code_expired");
}

BOOST_AUTO_TEST_CASE(a_session_ends_when_the_clock_jumps_past_its_idle_timeout) {
    ClockBack back;
    jump_database_clock_to("+0");
    StackClient client(fresh_source_ip());
    const Session session = sign_in(client, fresh_address("jump-idle"));
    BOOST_TEST(client.get("/api/auth/me", session.bearer()).status == 200);
    jump_database_clock_to("+31m");  // an owner's session ends after 30 idle minutes
    BOOST_TEST(client.get("/api/auth/me", session.bearer()).status == 401);
    BOOST_TEST(client.get("/api/health").status == 200);
}

BOOST_AUTO_TEST_CASE(a_request_within_the_idle_timeout_keeps_the_session_alive) {
    // last_seen_at is refreshed (at most once a minute) by the caller lookup's follow-up: without
    // it, the request at +40m would find the session idle since the sign-in at +0.
    ClockBack back;
    jump_database_clock_to("+0");
    StackClient client(fresh_source_ip());
    const Session session = sign_in(client, fresh_address("jump-slide"));
    jump_database_clock_to("+20m");
    BOOST_TEST(client.get("/api/auth/me", session.bearer()).status == 200);
    jump_database_clock_to("+40m");
    BOOST_TEST(client.get("/api/auth/me", session.bearer()).status == 200);
    jump_database_clock_to("+71m");  // 31 idle minutes since the last request
    BOOST_TEST(client.get("/api/auth/me", session.bearer()).status == 401);
}

BOOST_AUTO_TEST_CASE(a_jump_backward_keeps_sessions_and_answers_working) {
    ClockBack back;
    jump_database_clock_to("+0");
    StackClient client(fresh_source_ip());
    const Session session = sign_in(client, fresh_address("jump-back"));
    accept_current_consent(client, session);
    jump_database_clock_to("-2h");
    BOOST_TEST(client.get("/api/auth/me", session.bearer()).status == 200);
    BOOST_TEST(client.get("/api/vehicles", session.bearer()).status == 200);
    // A sign-in made in the jumped-back time works as any other.
    const Session later = sign_in(client, fresh_address("jump-back-later"));
    BOOST_TEST(client.get("/api/auth/me", later.bearer()).status == 200);
    BOOST_TEST(client.get("/api/health").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
