// Admins' second factor through nginx (PRODUCT.md §4): the first superadmin from the CLI,
// TOTP enrolment and activation, sign-in with TOTP or a backup code, replay, pending
// sessions, and the lock after five wrong codes.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <regex>

#include <Poco/JSON/Array.h>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {
std::string code_body(const std::string& code) { return R"({"code":")" + code + R"("})"; }

std::string second_factor(StackClient& client, const Session& session) {
    const Reply me = client.get("/api/auth/me", session.cookie());
    BOOST_REQUIRE_MESSAGE(me.status == 200, me.body);
    return me.json()->getValue<std::string>("second_factor");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(admin_second_factor)

// Issue 9, defect 1: a second pending session (someone holding the e-mail code) must not be able
// to replace or race the authenticator being enrolled.
BOOST_AUTO_TEST_CASE(a_second_pending_session_cannot_replace_the_authenticator) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("totp-race");
    create_admin_with_cli(address, "admin");
    Session owner = sign_in(client, address);
    Session intruder = sign_in(client, address);
    // A pending session is answered on /api/consent like anyone: no acceptances, no "complete".
    const Reply consent = client.get("/api/consent", intruder.cookie());
    BOOST_TEST(!consent.json()->has("accepted"));
    BOOST_TEST(!consent.json()->has("complete"));

    const auto enroll = [&client](const Session& session) {
        const Reply reply = client.post("/api/auth/totp/enroll", "", "application/json", session.cookie_and_csrf());
        BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.body);
        return reply.json()->getValue<std::string>("secret");
    };
    const std::string owner_secret = enroll(owner);
    const std::string intruder_secret = enroll(intruder);  // replaces the unactivated secret
    // The owner's code was for the replaced secret: activation refuses instead of activating it.
    BOOST_TEST(client.post("/api/auth/totp/activate", code_body(totp_now(owner_secret)), "application/json",
                           owner.cookie_and_csrf()).error_code() == "invalid_code");
    const std::string again = enroll(owner);
    const Reply activated =
        client.post("/api/auth/totp/activate", code_body(totp_now(again)), "application/json", owner.cookie_and_csrf());
    BOOST_REQUIRE_MESSAGE(activated.status == 200, activated.body);
    // Activation ended every other pending session: the intruder can neither enrol nor activate.
    BOOST_TEST(client.post("/api/auth/totp/enroll", "", "application/json", intruder.cookie_and_csrf()).status == 401);
    BOOST_TEST(client.post("/api/auth/totp/activate", code_body(totp_now(intruder_secret)), "application/json",
                           intruder.cookie_and_csrf()).status == 401);
    // A fresh sign-in asks for the active factor; enrolment is refused.
    Session later = sign_in(client, address);
    BOOST_TEST(second_factor(client, later) == "totp_required");
    BOOST_TEST(client.post("/api/auth/totp/enroll", "", "application/json", later.cookie_and_csrf()).status == 403);
    BOOST_TEST(client.post("/api/auth/totp/verify", code_body(totp_now(again, 30)), "application/json",
                           later.cookie_and_csrf()).status == 200);
}

BOOST_AUTO_TEST_CASE(first_superadmin_from_the_cli_enrols_activates_and_signs_in_with_totp) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("first-super");
    create_admin_with_cli(address, "superadmin");
    const auto created = query_as_owner("SELECT u.id::text, u.role FROM users u JOIN audit_events a ON a.target_id = u.id::text"
                                        " WHERE a.action = 'ADMIN_CREATED_CLI' ORDER BY a.at DESC LIMIT 1");
    BOOST_REQUIRE(created.size() == 1u);
    BOOST_TEST(created[0][1] == "superadmin");

    Session pending = sign_in(client, address);
    BOOST_TEST(pending.user_id == created[0][0]);
    BOOST_TEST(second_factor(client, pending) == "totp_enrollment_required");
    BOOST_TEST(client.get("/api/admin/users", pending.cookie()).error_code() == "second_factor_required");

    const Reply enrolled = client.post("/api/auth/totp/enroll", "", "application/json", pending.cookie_and_csrf());
    BOOST_REQUIRE_MESSAGE(enrolled.status == 200, enrolled.body);
    const std::string secret = enrolled.json()->getValue<std::string>("secret");
    BOOST_TEST(enrolled.json()->getValue<std::string>("otpauth_uri").starts_with("otpauth://totp/LifeTimeCircle"));
    BOOST_TEST(enrolled.json()->getValue<std::string>("otpauth_uri").find(address) == std::string::npos);
    BOOST_TEST(enrolled.json()->getValue<std::string>("qr_svg").find("<svg") != std::string::npos);

    BOOST_TEST(client.post("/api/auth/totp/activate", code_body(wrong_totp(secret)), "application/json",
                           pending.cookie_and_csrf()).error_code() == "invalid_code");
    const std::string activation_code = totp_now(secret);
    const Reply activated =
        client.post("/api/auth/totp/activate", code_body(activation_code), "application/json", pending.cookie_and_csrf());
    BOOST_REQUIRE_MESSAGE(activated.status == 200, activated.body);
    const auto body = activated.json();
    BOOST_TEST(body->getArray("backup_codes")->size() == 10u);
    BOOST_TEST(body->getValue<std::string>("second_factor") == "none");
    BOOST_TEST(!body->isNull("step_up_until"));
    BOOST_TEST(!body->has("access_token"));  // a cookie client gets the token only as the cookie
    // The session was rotated: the pending token is dead, the new cookie is full and stepped up.
    BOOST_TEST(client.get("/api/auth/me", pending.cookie()).error_code() == "unauthenticated");
    Session full = pending;
    const std::string cookie = activated.header("Set-Cookie");
    std::smatch match;
    BOOST_REQUIRE(std::regex_search(cookie, match, std::regex("__Host-ltc_session=([^;]+);")));
    full.token = match[1].str();
    full.csrf = body->getValue<std::string>("csrf_token");
    BOOST_TEST(full.token != pending.token);
    const Reply me = client.get("/api/auth/me", full.cookie());
    BOOST_TEST(me.json()->getValue<std::string>("second_factor") == "none");
    BOOST_TEST(!me.json()->isNull("step_up_until"));
    BOOST_TEST(me.json()->getObject("user")->getValue<std::string>("role") == "superadmin");
    BOOST_TEST(mail_with_text_arrives(address, "Zwei-Faktor"));  // the enrolment notice
    BOOST_TEST(mail_with_text_arrives(address, "Neue Rolle: superadmin."));  // from ltc create-admin
    // Admin routes need consent like every product route.
    BOOST_TEST(client.get("/api/admin/stats", full.cookie()).error_code() == "consent_required");
    accept_current_consent(client, full);
    BOOST_TEST(client.get("/api/admin/stats", full.cookie()).status == 200);

    // A new sign-in needs a TOTP code; the step just used at activation is spent, the next one works.
    Session second = sign_in(client, address);
    BOOST_TEST(second_factor(client, second) == "totp_required");
    // The activation's own code, not "the current one": the sign-in waits for mails, and a
    // 30-second step may have begun meanwhile (the test failed once that way).
    BOOST_TEST(client.post("/api/auth/totp/verify", code_body(activation_code), "application/json",
                           second.cookie_and_csrf()).error_code() == "invalid_code");  // replay of the activation step
    const std::string next_code = totp_now(secret, 30);
    const Reply verified = client.post("/api/auth/totp/verify", code_body(next_code), "application/json", second.cookie_and_csrf());
    BOOST_REQUIRE_MESSAGE(verified.status == 200, verified.body);
    BOOST_TEST(!verified.json()->isNull("step_up_until"));
    BOOST_TEST(verified.json()->getValue<std::string>("second_factor") == "none");

    // The same code again, on yet another sign-in: refused (each code is accepted once).
    Session third = sign_in(client, address);
    BOOST_TEST(client.post("/api/auth/totp/verify", code_body(next_code), "application/json", third.cookie_and_csrf())
                   .error_code() == "invalid_code");
    // A backup code works in place of TOTP, once.
    const std::string backup = body->getArray("backup_codes")->getElement<std::string>(0);
    const Reply with_backup = client.post("/api/auth/totp/verify", code_body(backup), "application/json", third.cookie_and_csrf());
    BOOST_TEST(with_backup.status == 200);
    // (Three code requests per address in 10 minutes: the used backup code is tried at a step-up.)
    BOOST_TEST(client.post("/api/auth/step-up", code_body(backup), "application/json", full.cookie_and_csrf()).error_code() ==
               "invalid_code");
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'TOTP_ENROLLED' AND target_id = '" + pending.user_id + "'") == 1);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'BACKUP_CODE_USED' AND target_id = '" + pending.user_id + "'") == 1);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'TOTP_FAILED' AND target_id = '" + pending.user_id + "'") >= 3);
}

BOOST_AUTO_TEST_CASE(pending_session_reaches_only_second_factor_routes_me_and_logout) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("pending");
    create_admin_with_cli(address, "admin");
    const Session pending = sign_in(client, address);
    const httplib::Headers headers = pending.cookie_and_csrf();
    for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/vehicles"}, {"POST", "/api/vehicles"}, {"GET", "/api/admin/users"}, {"GET", "/api/admin/stats"},
             {"GET", "/api/admin/audit"}, {"POST", "/api/consent"}, {"POST", "/api/auth/step-up"},
             {"POST", "/api/auth/backup-codes"}, {"PUT", "/api/admin/users/" + pending.user_id + "/role"}}) {
        BOOST_TEST_CONTEXT(method << " " << path) {
            BOOST_TEST(client.request(method, path, "{}", "application/json", headers).error_code() == "second_factor_required");
        }
    }
    BOOST_TEST(client.get("/api/auth/me", pending.cookie()).status == 200);
    BOOST_TEST(client.get("/api/consent", pending.cookie()).status == 200);  // needs no session at all
    // totp/verify belongs to admins who have TOTP already; this one must enrol first.
    BOOST_TEST(client.post("/api/auth/totp/verify", code_body("123456"), "application/json", headers).error_code() == "forbidden");
    BOOST_TEST(client.post("/api/auth/totp/enroll", "", "application/json", headers).status == 200);
    BOOST_TEST(client.post("/api/auth/logout", "", "", headers).status == 204);
    BOOST_TEST(client.get("/api/auth/me", pending.cookie()).error_code() == "unauthenticated");
}

BOOST_AUTO_TEST_CASE(five_wrong_codes_lock_the_second_factor_across_sessions) {
    Admin admin("admin", "lock");
    const std::string wrong = wrong_totp(admin.secret);
    Session pending = admin.sign_in_again();
    for (int attempt = 1; attempt <= 5; ++attempt) {
        BOOST_TEST_CONTEXT("attempt " << attempt) {
            BOOST_TEST(admin.send_with(pending, "POST", "/api/auth/totp/verify", code_body(wrong)).error_code() == "invalid_code");
        }
    }
    // The lock ended the pending session; the full session stays, but its step-ups are locked too.
    BOOST_TEST(admin.send_with(pending, "POST", "/api/auth/totp/verify", code_body(totp_now(admin.secret, 30))).status == 401);
    BOOST_TEST(admin.send("POST", "/api/auth/step-up", code_body(admin.next_backup_code())).error_code() == "code_locked");
    // A new sign-in does not lift the lock: even the right code answers 429.
    Session again = admin.sign_in_again();
    const Reply locked = admin.send_with(again, "POST", "/api/auth/totp/verify", code_body(totp_now(admin.secret, 30)));
    BOOST_TEST(locked.status == 429);
    BOOST_TEST(locked.error_code() == "code_locked");
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'TOTP_LOCKED' AND target_id = '" +
                          admin.session.user_id + "'") == 1);
}

BOOST_AUTO_TEST_CASE(cookie_requests_of_admins_need_the_csrf_token) {
    Admin admin("superadmin", "csrf");
    Member member;
    const std::string path = "/api/admin/users/" + member.session.user_id + "/reveal-email";
    BOOST_TEST(admin.client.post(path, "", "application/json", admin.session.cookie()).error_code() == "csrf_failed");
    BOOST_TEST(admin.client.post(path, "", "application/json", admin.session.bearer()).status == 200);  // Bearer needs none
    BOOST_TEST(admin.send("POST", path).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
