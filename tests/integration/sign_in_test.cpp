// Sign-in over HTTPS through nginx, with codes read from the mail folder (issue 3).
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <regex>
#include <atomic>
#include <chrono>
#include <thread>

#include "sign_in_helpers.hpp"

using namespace ltc::test;

namespace {
std::string verify_body(const std::string& challenge, const std::string& code) {
    return R"({"challenge_id":")" + challenge + R"(","code":")" + code + R"("})";
}

std::string wrong_code_for(const std::string& code) { return code == "000000" ? "111111" : "000000"; }

long long audit_count(const std::string& action, const std::string& extra_condition = "true") {
    return std::stoll(query_as_owner("SELECT count(*) FROM audit_events WHERE action = '" + action + "' AND " +
                                     extra_condition)[0][0]);
}

// `secret` somewhere in `text` with no letter or digit right before or after it: a logged code
// stands apart ("code":"123456", code=123456), while six digits inside a random hex request id
// (which megabytes of log contain by chance) do not count.
bool contains_as_token(const std::string& text, const std::string& secret) {
    const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 1)) {
        const bool open_before = at == 0 || !is_word(text[at - 1]);
        const bool open_after = at + secret.size() == text.size() || !is_word(text[at + secret.size()]);
        if (open_before && open_after) return true;
    }
    return false;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(sign_in_flow)

BOOST_AUTO_TEST_CASE(whole_sign_in_with_cookie_me_consent_and_logout) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("Whole.Flow");
    const Session session = sign_in(client, address);

    BOOST_TEST(std::regex_match(session.set_cookie,
                                std::regex(R"(__Host-ltc_session=[A-Za-z0-9_-]{43}; Path=/; Max-Age=28800; Secure; HttpOnly; SameSite=Strict)")));
    const Reply me = client.get("/api/auth/me", session.cookie());
    BOOST_TEST(me.status == 200);
    const auto body = me.json();
    BOOST_TEST(body->getObject("user")->getValue<std::string>("role") == "user");
    BOOST_TEST(body->getObject("user")->getValue<std::string>("email_masked") == "w***@e***.com");
    BOOST_TEST(body->getValue<std::string>("second_factor") == "none");
    BOOST_TEST(body->getValue<std::string>("csrf_token") == session.csrf);
    BOOST_TEST(body->getObject("consent")->getValue<bool>("complete") == false);
    BOOST_TEST(body->getObject("consent")->getArray("missing")->size() == 2u);

    const Reply logout = client.post("/api/auth/logout", "", "", session.cookie_and_csrf());
    BOOST_TEST(logout.status == 204);
    BOOST_TEST(logout.header("Set-Cookie") == "__Host-ltc_session=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
    BOOST_TEST(client.get("/api/auth/me", session.cookie()).error_code() == "unauthenticated");
    // Logging out again, with a dead session, is still 204.
    BOOST_TEST(client.post("/api/auth/logout", "", "", session.cookie_and_csrf()).status == 204);
}

BOOST_AUTO_TEST_CASE(known_unknown_and_impossible_addresses) {
    StackClient client(fresh_source_ip());
    const std::string known = fresh_address("known");
    sign_in(client, known);
    const Reply for_known = client.post("/api/auth/request", R"({"email":")" + known + R"("})");
    const Reply for_unknown = client.post("/api/auth/request", R"({"email":")" + fresh_address("unknown") + R"("})");
    BOOST_TEST(for_known.status == 202);
    BOOST_TEST(for_unknown.status == 202);
    const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    for (const Reply* reply : {&for_known, &for_unknown}) {
        const auto body = reply->json();
        BOOST_TEST(body->size() == 2u);
        BOOST_TEST(std::regex_match(body->getValue<std::string>("challenge_id"), uuid));
        BOOST_TEST(body->getValue<std::string>("message") == "Wenn die E-Mail-Adresse gültig ist, wurde ein Code gesendet.");
    }

    for (const std::string impossible : {"no-at-sign", "@example.com", "user@", "user@nodot", "us er@example.com"}) {
        const Reply reply = client.post("/api/auth/request", R"({"email":")" + impossible + R"("})");
        BOOST_TEST_CONTEXT(impossible) {
            BOOST_TEST(reply.error_code() == "validation_failed");
            BOOST_TEST(reply.json()->getObject("error")->getObject("fields")->has("email"));
        }
    }
    const Reply unknown_field = client.post("/api/auth/request", R"({"email":"a@example.com","admin":true})");
    BOOST_TEST(unknown_field.error_code() == "validation_failed");
    BOOST_TEST(unknown_field.json()->getObject("error")->getObject("fields")->getValue<std::string>("admin") == "unknown_field");
    BOOST_TEST(client.post("/api/auth/request", R"({"email":)").error_code() == "invalid_json");
    BOOST_TEST(client.post("/api/auth/request", R"({"email":"a@example.com","email":"b@example.com"})").error_code() == "invalid_json");
    BOOST_TEST(client.post("/api/auth/request", "email=a@example.com", "application/x-www-form-urlencoded").status == 415);
}

BOOST_AUTO_TEST_CASE(five_wrong_codes_lock_the_challenge_and_a_used_code_is_refused) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("locked");
    const std::string challenge = request_code(client, address);
    const std::string code = read_code(address);
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST(client.post("/api/auth/verify", verify_body(challenge, wrong_code_for(code))).error_code() == "invalid_code");
    }
    BOOST_TEST(client.post("/api/auth/verify", verify_body(challenge, wrong_code_for(code))).error_code() == "code_locked");
    const Reply right_code = client.post("/api/auth/verify", verify_body(challenge, code));
    BOOST_TEST(right_code.status == 429);
    BOOST_TEST(right_code.error_code() == "code_locked");
    BOOST_TEST(audit_count("AUTH_CODE_LOCKED", "target_id = '" + challenge + "'") == 1);

    // A code that signed in once is dead.
    const std::string second_challenge = request_code(client, address);
    const std::string second_code = read_code(address, 1);
    BOOST_TEST(client.post("/api/auth/verify", verify_body(second_challenge, second_code)).status == 200);
    BOOST_TEST(client.post("/api/auth/verify", verify_body(second_challenge, second_code)).error_code() == "invalid_code");
    // Malformed codes count as wrong; unknown challenges are invalid_code too.
    BOOST_TEST(client.post("/api/auth/verify", verify_body("00000000-0000-4000-8000-000000000000", "123456")).error_code() ==
               "invalid_code");
    BOOST_TEST(client.post("/api/auth/verify", verify_body("not-a-uuid", "123456")).error_code() == "invalid_code");
}

BOOST_AUTO_TEST_CASE(parallel_wrong_codes_never_exceed_five_counted_attempts) {
    const std::string source = fresh_source_ip();
    StackClient client(source);
    const std::string address = fresh_address("parallel");
    const std::string challenge = request_code(client, address);
    const std::string code = read_code(address);
    std::atomic<int> invalid{0};
    std::atomic<int> locked{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 12; ++i) {
        threads.emplace_back([&] {
            StackClient own(source);
            const std::string answer = own.post("/api/auth/verify", verify_body(challenge, wrong_code_for(code))).error_code();
            if (answer == "invalid_code") ++invalid;
            if (answer == "code_locked") ++locked;
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(invalid.load() == 5);
    BOOST_TEST(locked.load() == 7);
    BOOST_TEST(query_as_owner("SELECT attempts FROM auth_challenges WHERE id = '" + challenge + "'")[0][0] == "5");
}

BOOST_AUTO_TEST_CASE(per_ip_code_requests_are_limited_with_retry_after) {
    // The limit counts in fixed one-minute windows: eleven requests that straddle a window's end
    // would be counted in two (a flake seen once). Start early in a window.
    const auto second_of_minute = std::chrono::duration_cast<std::chrono::seconds>(
                                      std::chrono::system_clock::now().time_since_epoch()).count() % 60;
    if (second_of_minute > 45) std::this_thread::sleep_for(std::chrono::seconds(61 - second_of_minute));
    StackClient client(fresh_source_ip());
    for (int i = 0; i < 10; ++i) BOOST_TEST(client.post("/api/auth/request", R"({"email":")" + fresh_address("ip") + R"("})").status == 202);
    const Reply limited = client.post("/api/auth/request", R"({"email":")" + fresh_address("ip") + R"("})");
    BOOST_TEST(limited.status == 429);
    BOOST_TEST(limited.error_code() == "rate_limited");
    const int retry_after = std::stoi(limited.header("Retry-After"));
    BOOST_TEST(retry_after >= 1);
    BOOST_TEST(retry_after <= 60);
    BOOST_TEST(audit_count("AUTH_RATE_LIMITED") >= 1);
    // Another address of the machine is not affected.
    StackClient other(fresh_source_ip());
    BOOST_TEST(other.post("/api/auth/request", R"({"email":")" + fresh_address("ip") + R"("})").status == 202);
}

BOOST_AUTO_TEST_CASE(per_address_requests_beyond_three_answer_alike_and_send_nothing) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("capped");
    for (int i = 0; i < 5; ++i) BOOST_TEST(client.post("/api/auth/request", R"({"email":")" + address + R"("})").status == 202);
    read_code(address, 2);  // the third mail arrived
    std::this_thread::sleep_for(std::chrono::seconds(2));  // the mailer polls twice a second
    BOOST_TEST(mails_to(address) == 3u);
}

BOOST_AUTO_TEST_CASE(csrf_is_required_for_cookie_sessions_but_not_for_bearer) {
    StackClient client(fresh_source_ip());
    const Session session = sign_in(client, fresh_address("csrf"));
    const Reply without = client.post("/api/auth/logout-all", "", "", session.cookie());
    BOOST_TEST(without.status == 403);
    BOOST_TEST(without.error_code() == "csrf_failed");
    httplib::Headers wrong = session.cookie();
    wrong.emplace("X-CSRF-Token", std::string(session.csrf.size(), 'a'));
    BOOST_TEST(client.post("/api/auth/logout-all", "", "", wrong).error_code() == "csrf_failed");
    BOOST_TEST(client.get("/api/auth/me", session.cookie()).status == 200);  // still alive
    BOOST_TEST(client.post("/api/auth/logout", "", "", session.bearer()).status == 204);
    BOOST_TEST(client.get("/api/auth/me", session.bearer()).status == 401);
}

BOOST_AUTO_TEST_CASE(token_in_body_for_bearer_clients_and_bearer_wins_over_cookie) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("bearer");
    const std::string challenge = request_code(client, address);
    const std::string code = read_code(address);
    const Reply reply = client.post("/api/auth/verify", R"({"challenge_id":")" + challenge + R"(","code":")" + code +
                                                            R"(","token_in_body":true})");
    BOOST_TEST(reply.status == 200);
    const std::string token = reply.json()->getValue<std::string>("access_token");
    BOOST_TEST(client.get("/api/auth/me", {{"Authorization", "Bearer " + token}}).status == 200);
    // A dead Bearer token with a live cookie: the Bearer alone counts.
    const Session other = sign_in(client, fresh_address("cookie"));
    BOOST_TEST(client.get("/api/auth/me", {{"Authorization", "Bearer nonsense"}, {"Cookie", "__Host-ltc_session=" + other.token}}).status == 401);
}

BOOST_AUTO_TEST_CASE(logout_all_ends_every_session_of_the_user) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("everywhere");
    const Session first = sign_in(client, address);
    const Session second = sign_in(client, address);
    BOOST_TEST(first.user_id == second.user_id);
    BOOST_TEST(client.post("/api/auth/logout-all", "", "", first.cookie_and_csrf()).status == 204);
    BOOST_TEST(client.get("/api/auth/me", first.cookie()).status == 401);
    BOOST_TEST(client.get("/api/auth/me", second.cookie()).status == 401);
    BOOST_TEST(audit_count("SESSION_ENDED", "target_id = '" + first.user_id + "' AND meta->>'scope' = 'all'") == 1);
}

BOOST_AUTO_TEST_CASE(consent_needs_every_current_document) {
    StackClient client(fresh_source_ip());
    const Session session = sign_in(client, fresh_address("consent"));
    const Reply anonymous = client.get("/api/consent");
    BOOST_TEST(anonymous.status == 200);
    BOOST_TEST(anonymous.json()->getArray("current")->size() == 2u);
    BOOST_TEST(!anonymous.json()->has("accepted"));

    const Reply partial = client.post("/api/consent", R"({"accept":[{"doc":"terms","version":"2026-03-01"}]})",
                                      "application/json", session.cookie_and_csrf());
    BOOST_TEST(partial.error_code() == "consent_incomplete");
    const Reply outdated = client.post("/api/consent", R"({"accept":[{"doc":"terms","version":"2020-01-01"},{"doc":"privacy","version":"2026-03-01"}]})",
                                       "application/json", session.cookie_and_csrf());
    BOOST_TEST(outdated.error_code() == "consent_incomplete");
    BOOST_TEST(client.post("/api/consent", R"({"accept":"all"})", "application/json", session.cookie_and_csrf()).error_code() ==
               "validation_failed");
    BOOST_TEST(client.get("/api/auth/me", session.cookie()).json()->getObject("consent")->getValue<bool>("complete") == false);

    accept_current_consent(client, session);
    const Reply after = client.get("/api/consent", session.cookie());
    BOOST_TEST(after.json()->getValue<bool>("complete") == true);
    BOOST_TEST(after.json()->getArray("accepted")->size() == 2u);
    BOOST_TEST(client.get("/api/auth/me", session.cookie()).json()->getObject("consent")->getValue<bool>("complete") == true);
    BOOST_TEST(audit_count("CONSENT_ACCEPTED", "actor_id = '" + session.user_id + "'") == 1);
}

BOOST_AUTO_TEST_CASE(audit_is_append_only_for_the_application_role) {
    // Append-only by grant (the trigger stays as a second line for the owner role).
    for (const char* statement : {"UPDATE audit_events SET result = 'error'", "DELETE FROM audit_events",
                                  "UPDATE entry_versions SET note = 'x'", "DELETE FROM entry_versions",
                                  "TRUNCATE audit_events",
                                  // Derived from the versions by their trigger only (sql/V019).
                                  "UPDATE entry_heads SET deleted = true", "DELETE FROM entry_heads",
                                  "INSERT INTO entry_heads SELECT * FROM entry_heads LIMIT 1",
                                  // Nothing to shadow a SECURITY DEFINER function's names with (sql/V022).
                                  "CREATE TEMP TABLE entry_heads (a int)", "CREATE SCHEMA shadow"}) {
        BOOST_TEST(execute_as_app(statement).find("permission denied") != std::string::npos, statement);
    }
    BOOST_TEST(query_as_owner("SELECT 1 FROM audit_events LIMIT 1").size() == 1u);
    BOOST_TEST(execute_as_app("SELECT count(*) FROM audit_events").empty());
}

BOOST_AUTO_TEST_CASE(audit_rows_exist_and_no_secret_is_stored_or_logged) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("secrets");
    const std::string challenge = request_code(client, address);
    const std::string code = read_code(address);
    client.post("/api/auth/verify", verify_body(challenge, wrong_code_for(code)));
    const Reply verified = client.post("/api/auth/verify", verify_body(challenge, code));
    BOOST_REQUIRE(verified.status == 200);
    const std::string csrf = verified.json()->getValue<std::string>("csrf_token");
    const std::string cookie = verified.header("Set-Cookie");
    const std::string token = cookie.substr(cookie.find('=') + 1, 43);
    const std::string user_id = verified.json()->getObject("user")->getValue<std::string>("id");
    client.post("/api/auth/logout", "", "", {{"Cookie", "__Host-ltc_session=" + token}, {"X-CSRF-Token", csrf}});

    for (const std::string action : {"AUTH_CODE_REQUESTED", "AUTH_CODE_FAILED", "SESSION_CREATED", "SESSION_ENDED"}) {
        BOOST_TEST_CONTEXT(action) {
            BOOST_TEST(audit_count(action, "(target_id = '" + challenge + "' OR target_id = '" + user_id + "')") >= 1);
        }
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));  // the workers flush their log every 100 ms
    std::string stored;
    for (const auto& row : query_as_owner("SELECT concat_ws(' ', actor_id, actor_role, action, target_type, target_id, "
                                          "result, request_id, meta::text) FROM audit_events")) {
        stored += row[0] + "\n";
    }
    for (const auto& row : query_as_owner("SELECT concat_ws(' ', status, recipient_ciphertext, message_ciphertext) "
                                          "FROM mail_outbox WHERE status = 'sent'")) {
        stored += row[0] + "\n";
    }
    BOOST_TEST(query_as_owner("SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND "
                              "(recipient_ciphertext IS NOT NULL OR message_ciphertext IS NOT NULL)")[0][0] == "0");
    const std::string logs = read_file(var_dir() + "/log/fcgi.log") + read_file(var_dir() + "/log/nginx-access.log") +
                             read_file(var_dir() + "/log/nginx-error.log") + read_file(var_dir() + "/log/mailer.log");
    const std::string local_part = address.substr(0, address.find('@'));
    for (const std::string& secret : {local_part, code, token, csrf}) {
        BOOST_TEST_CONTEXT(secret) {
            BOOST_TEST(!contains_as_token(stored, secret));
            BOOST_TEST(!contains_as_token(logs, secret));
        }
    }
}

BOOST_AUTO_TEST_CASE(expired_code_is_gone, *boost::unit_test::label("short_ttl")) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("expired");
    const std::string challenge = request_code(client, address);
    const std::string code = read_code(address);
    std::this_thread::sleep_for(std::chrono::seconds(3));  // LTC_CODE_TTL_SECONDS=2 in this phase
    BOOST_TEST(client.post("/api/auth/verify", verify_body(challenge, code)).error_code() == "code_expired");
}

BOOST_AUTO_TEST_SUITE_END()
