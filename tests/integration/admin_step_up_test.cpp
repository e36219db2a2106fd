// Step-up (PRODUCT.md §4) and consent publishing, run only in scripts/test.sh's last phase:
// the workers are restarted with LTC_STEP_UP_TTL_SECONDS=2 and these tests run with
// --run_test=@short_step_up. The suite is disabled otherwise (and not named admin*), so a
// plain run or --run_test='admin*' skips it. Consent publishing is here too because a new
// terms version concerns every user of the shared test stack: it has to come last.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <random>
#include <thread>

#include <Poco/JSON/Array.h>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {
// LTC_STEP_UP_TTL_SECONDS is 2 in this phase.
void wait_for_step_up_to_expire() { std::this_thread::sleep_for(std::chrono::milliseconds(3000)); }

std::string user_path(const std::string& id, const std::string& action) { return "/api/admin/users/" + id + "/" + action; }

std::string field_code(const Reply& reply, const std::string& field) {
    const auto error = reply.json()->getObject("error");
    const auto fields = error ? error->getObject("fields") : nullptr;
    return fields && fields->has(field) ? fields->getValue<std::string>(field) : "";
}

bool stepped_up(Admin& admin, const Session& session) {
    return !admin.send_with(session, "GET", "/api/auth/me").json()->isNull("step_up_until");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(short_step_up_phase, *boost::unit_test::label("short_step_up") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(every_sensitive_admin_action_needs_a_fresh_step_up) {
    Admin super("superadmin", "stepup");
    Admin target_admin("admin", "stepup-target");
    Member member("stepup-member");
    const std::string m = member.session.user_id;
    struct Action {
        std::string method, path, body;
    };
    const std::vector<Action> sensitive = {
        {"POST", user_path(m, "reveal-email"), ""},
        {"PUT", user_path(m, "role"), R"({"role":"vip","reason":"Test"})"},
        {"POST", user_path(m, "disable"), ""},
        {"POST", user_path(m, "enable"), ""},
        {"POST", user_path(target_admin.session.user_id, "reset-totp"), ""},
        {"POST", "/api/auth/backup-codes", ""},  // last: it replaces the backup codes used for step-ups
    };
    wait_for_step_up_to_expire();
    BOOST_TEST(!stepped_up(super, super.session));
    for (const auto& action : sensitive) {
        BOOST_TEST_CONTEXT(action.method << " " << action.path) {
            BOOST_TEST(super.send(action.method, action.path, action.body).error_code() == "step_up_required");
        }
    }
    BOOST_TEST(super.send("POST", "/api/admin/consent-documents", R"({"doc":"terms","version":"x","url":"/agb"})")
                   .error_code() == "step_up_required");
    // Order of checks: 404 comes before the step-up, body validation after it.
    BOOST_TEST(super.send("PUT", user_path(random_uuid(), "role"), "{}").status == 404);
    BOOST_TEST(super.send("PUT", user_path(m, "role"), "{}").error_code() == "step_up_required");
    // Reading needs no step-up.
    BOOST_TEST(super.send("GET", "/api/admin/users").status == 200);
    BOOST_TEST(super.send("GET", "/api/admin/audit").status == 200);
    BOOST_TEST(super.send("GET", "/api/admin/stats").status == 200);
    BOOST_TEST(super.send("POST", "/api/admin/users/search", R"({"email":")" + member.address + R"("})").status == 200);
    // No audit row for a refused step-up requirement.
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE actor_id = '" + super.session.user_id +
                          "' AND result = 'denied'") == 0);

    // With a fresh step-up (a backup code; it lasts two seconds here) each one works.
    for (const auto& action : sensitive) {
        BOOST_TEST_CONTEXT(action.method << " " << action.path) {
            super.step_up();
            const Reply reply = super.send(action.method, action.path, action.body);
            BOOST_CHECK_MESSAGE(reply.status == 200, reply.body);
        }
    }
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'STEP_UP_GRANTED' AND actor_id = '" +
                          super.session.user_id + "'") >= 7);
}

BOOST_AUTO_TEST_CASE(a_step_up_counts_only_in_its_own_session) {
    Admin admin("admin", "two-sessions");
    Member member("two-sessions-member");
    const std::string reveal = user_path(member.session.user_id, "reveal-email");
    // A second full session of the same admin (TOTP of the next step; the activation used this one).
    const Session other = admin.sign_in_with_code(totp_now(admin.secret, 30));
    wait_for_step_up_to_expire();
    admin.step_up(admin.session);
    BOOST_TEST(admin.send("POST", reveal).status == 200);
    BOOST_TEST(admin.send_with(other, "POST", reveal).error_code() == "step_up_required");
    BOOST_TEST(!stepped_up(admin, other));
}

BOOST_AUTO_TEST_CASE(a_step_up_expires) {
    Admin admin("admin", "expiry");
    Member member("expiry-member");
    const std::string reveal = user_path(member.session.user_id, "reveal-email");
    admin.step_up();
    BOOST_TEST(admin.send("POST", reveal).status == 200);
    wait_for_step_up_to_expire();
    BOOST_TEST(admin.send("POST", reveal).error_code() == "step_up_required");
    BOOST_TEST(!stepped_up(admin, admin.session));
    admin.step_up();
    BOOST_TEST(admin.send("POST", reveal).status == 200);
}

// Keep this the last test of the phase: afterwards every account has to accept the new terms.
BOOST_AUTO_TEST_CASE(publishing_a_consent_version_forces_everyone_to_accept_again) {
    Admin super("superadmin", "publisher");
    Admin admin("admin", "publisher-admin");
    Member member("reconsent");
    BOOST_TEST(member.send("GET", "/api/vehicles").status == 200);
    const std::string version = "2099-01-01-" + std::to_string(std::random_device{}() % 1000000000u);
    const std::string body = R"({"doc":"terms","version":")" + version + R"(","url":"/agb"})";

    // superadmin only, decided at the role step; then step-up; then the body.
    BOOST_TEST(admin.send("POST", "/api/admin/consent-documents", body).error_code() == "superadmin_required");
    BOOST_TEST(admin.send("POST", "/api/admin/consent-documents", "{}").error_code() == "superadmin_required");
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'CONSENT_PUBLISHED' AND result = 'denied'"
                          " AND actor_id = '" + admin.session.user_id + "'") == 2);
    wait_for_step_up_to_expire();
    BOOST_TEST(super.send("POST", "/api/admin/consent-documents", body).error_code() == "step_up_required");
    super.step_up();
    BOOST_TEST(field_code(super.send("POST", "/api/admin/consent-documents", R"({"doc":"rules","version":"1","url":"/agb"})"),
                          "doc") == "invalid");
    BOOST_TEST(field_code(super.send("POST", "/api/admin/consent-documents", R"({"doc":"terms","version":"a b","url":"/agb"})"),
                          "version") == "invalid");
    BOOST_TEST(field_code(super.send("POST", "/api/admin/consent-documents",
                                     R"x({"doc":"terms","version":"1","url":"javascript:alert(1)"})x"), "url") == "invalid");
    BOOST_TEST(field_code(super.send("POST", "/api/admin/consent-documents", R"({"doc":"terms"})"), "version") == "required");

    super.step_up();
    const Reply published = super.send("POST", "/api/admin/consent-documents", body);
    BOOST_REQUIRE_MESSAGE(published.status == 201, published.body);
    BOOST_TEST(published.json()->getValue<std::string>("doc") == "terms");
    BOOST_TEST(published.json()->getValue<std::string>("version") == version);
    BOOST_TEST(published.json()->getValue<std::string>("url") == "/agb");

    const auto current = member.client.get("/api/consent").json()->getArray("current");
    bool terms_current = false;
    for (std::size_t i = 0; i < current->size(); ++i) {
        const auto document = current->getObject(static_cast<unsigned>(i));
        terms_current = terms_current || (document->getValue<std::string>("doc") == "terms" &&
                                          document->getValue<std::string>("version") == version);
    }
    BOOST_TEST(terms_current);

    // Everyone, admins included, must accept the new version before product routes answer again.
    BOOST_TEST(member.send("GET", "/api/vehicles").error_code() == "consent_required");
    const auto missing = member.send("GET", "/api/auth/me").json()->getObject("consent")->getArray("missing");
    BOOST_REQUIRE(missing->size() == 1u);
    BOOST_TEST(missing->getObject(0)->getValue<std::string>("version") == version);
    BOOST_TEST(super.send("GET", "/api/admin/users").error_code() == "consent_required");
    accept_current_consent(member.client, member.session);
    BOOST_TEST(member.send("GET", "/api/vehicles").status == 200);
    accept_current_consent(super.client, super.session);
    BOOST_TEST(super.send("GET", "/api/admin/users").status == 200);

    super.step_up();
    BOOST_TEST(super.send("POST", "/api/admin/consent-documents", body).error_code() == "consent_version_exists");
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'CONSENT_PUBLISHED' AND result = 'success'"
                          " AND target_id = 'terms' AND meta->>'version' = '" + version + "'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
