// `ltc rotate-secret` against the stack, run only in scripts/test.sh's last phase:
//   1. --run_test=@rotate_secret_prepare  makes an owner with a vehicle and a TOTP admin under
//      the stack's secret and writes what it needs later to $LTC_VAR_DIR/rotate-secret.state;
//   2. the phase runs `ltc rotate-secret` with a new secret and restarts workers and mailer;
//   3. --run_test=@rotate_secret           checks that the same accounts and vehicles work under
//      the new key, and that what cannot be re-keyed (sessions, open codes, backup codes) is gone.
// Both suites are disabled otherwise, so a plain run never touches the stack's secret.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <regex>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {
std::string state_path() { return var_dir() + "/rotate-secret.state"; }

void write_state(const std::map<std::string, std::string>& state) {
    std::ofstream file(state_path(), std::ios::trunc);
    for (const auto& [key, value] : state) file << key << '=' << value << '\n';
    BOOST_REQUIRE(file.good());
}

std::map<std::string, std::string> read_state() {
    std::ifstream file(state_path());
    BOOST_REQUIRE_MESSAGE(file.good(), "no " + state_path() + ": run --run_test=@rotate_secret_prepare first");
    std::map<std::string, std::string> state;
    std::string line;
    while (std::getline(file, line)) {
        const auto equals = line.find('=');
        if (equals != std::string::npos) state[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return state;
}

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string token_from(const Reply& reply) {
    static const std::regex token_pattern("__Host-ltc_session=([^;]+);");
    std::smatch match;
    const std::string cookie = reply.header("Set-Cookie");
    return std::regex_search(cookie, match, token_pattern) ? match[1].str() : "";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(rotate_secret_prepare_phase,
                      *boost::unit_test::label("rotate_secret_prepare") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(accounts_and_a_vehicle_under_the_old_secret) {
    StackClient client(fresh_source_ip());
    const std::string address = fresh_address("rotate-owner");
    const Session session = sign_in(client, address);
    accept_current_consent(client, session);
    const std::string vin = new_vin();
    const Reply created = client.request("POST", "/api/vehicles", R"({"vin":")" + vin + R"("})", "application/json",
                                         session.bearer());
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const Reply me = client.get("/api/auth/me", session.bearer());
    BOOST_REQUIRE_EQUAL(me.status, 200);
    const Reply link = client.request("PUT", "/api/vehicles/" + created.json()->getValue<std::string>("id") + "/public-link",
                                      "", "", session.bearer());
    BOOST_REQUIRE_MESSAGE(link.status == 200, link.body);

    // A code requested but never used: its challenge cannot survive the rotation.
    const std::size_t earlier = code_mails_to(address);
    const std::string open_challenge = request_code(client, address);
    const std::string open_code = read_code(address, earlier);

    Admin admin("admin", "rotate-admin");
    write_state({
        {"owner_address", address},
        {"owner_id", session.user_id},
        {"owner_email_masked", me.json()->getObject("user")->getValue<std::string>("email_masked")},
        {"owner_token", session.token},
        {"vehicle_id", created.json()->getValue<std::string>("id")},
        {"vin", vin},
        {"vin_masked", created.json()->getValue<std::string>("vin_masked")},
        {"public_url", link.json()->getValue<std::string>("url")},
        {"open_challenge", open_challenge},
        {"open_code", open_code},
        {"admin_address", admin.address},
        {"admin_id", admin.session.user_id},
        {"admin_secret", admin.secret},
        {"admin_token", admin.session.token},
        {"admin_backup_code", admin.next_backup_code()},
    });
    BOOST_TEST(count_rows("SELECT count(*) FROM backup_codes WHERE user_id = '" + admin.session.user_id + "'") == 10);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rotate_secret_phase, *boost::unit_test::label("rotate_secret") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(everything_was_rekeyed_and_what_could_not_be_is_gone) {
    const auto state = read_state();
    StackClient client(fresh_source_ip());

    // Sessions cannot be re-keyed (only their token HMAC is stored): all of them ended.
    BOOST_TEST(client.get("/api/auth/me", bearer(state.at("owner_token"))).status == 401);
    BOOST_TEST(client.get("/api/auth/me", bearer(state.at("admin_token"))).status == 401);

    // The open sign-in code was deleted with its challenge.
    const Reply stale = client.post("/api/auth/verify", R"({"challenge_id":")" + state.at("open_challenge") +
                                                            R"(","code":")" + state.at("open_code") + R"("})");
    BOOST_TEST(stale.status != 200);

    // The owner signs in again: the e-mail HMAC under the new key finds the same account, the
    // code mail reaches the right address (sign_in reads it from the mail to that address).
    const Session session = sign_in(client, state.at("owner_address"));
    BOOST_TEST(session.user_id == state.at("owner_id"));
    const Reply me = client.get("/api/auth/me", session.bearer());
    BOOST_REQUIRE_EQUAL(me.status, 200);
    BOOST_TEST(me.json()->getObject("user")->getValue<std::string>("id") == state.at("owner_id"));
    BOOST_TEST(me.json()->getObject("user")->getValue<std::string>("email_masked") == state.at("owner_email_masked"));
    accept_current_consent(client, session);

    // The vehicle: same mask; the VIN HMAC was re-keyed, so the same VIN is still taken.
    const Reply vehicle = client.get("/api/vehicles/" + state.at("vehicle_id"), session.bearer());
    BOOST_REQUIRE_MESSAGE(vehicle.status == 200, vehicle.body);
    BOOST_TEST(vehicle.json()->getValue<std::string>("vin_masked") == state.at("vin_masked"));
    // The public link is printed on stickers: it does not depend on the secret.
    const std::string public_url = state.at("public_url");
    BOOST_TEST(vehicle.json()->getObject("public_link")->getValue<std::string>("url") == public_url);
    BOOST_TEST(StackClient(fresh_source_ip()).get("/api/public/qr/" + public_url.substr(public_url.rfind('/') + 1)).status == 200);
    StackClient other_client(fresh_source_ip());
    const Session other = sign_in(other_client, fresh_address("rotate-other"));  // an account made under the new key
    accept_current_consent(other_client, other);
    const Reply duplicate = other_client.request("POST", "/api/vehicles", R"({"vin":")" + state.at("vin") + R"("})",
                                                 "application/json", other.bearer());
    BOOST_TEST(duplicate.status == 409);
    BOOST_TEST(duplicate.error_code() == "vin_already_registered");

    // The admin's TOTP secret was re-keyed: the authenticator app keeps working (a step after
    // the one used at activation, still inside the accepted window).
    StackClient admin_client(fresh_source_ip());
    Session pending = sign_in(admin_client, state.at("admin_address"));
    BOOST_TEST(pending.user_id == state.at("admin_id"));
    const Reply verified = admin_client.request("POST", "/api/auth/totp/verify",
                                                R"({"code":")" + totp_now(state.at("admin_secret"), 30) + R"("})",
                                                "application/json", pending.cookie_and_csrf());
    BOOST_REQUIRE_MESSAGE(verified.status == 200, verified.body);
    Session admin_session = pending;
    admin_session.token = token_from(verified);
    admin_session.csrf = verified.json()->getValue<std::string>("csrf_token");

    // Backup codes cannot be re-keyed: deleted, audited, renewed by the admin.
    BOOST_TEST(count_rows("SELECT count(*) FROM backup_codes WHERE user_id = '" + state.at("admin_id") + "'") == 0);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'BACKUP_CODES_REVOKED' AND target_id = '" +
                          state.at("admin_id") + "'") == 1);
    const Reply step_up = admin_client.request("POST", "/api/auth/step-up",
                                               R"({"code":")" + state.at("admin_backup_code") + R"("})",
                                               "application/json", admin_session.cookie_and_csrf());
    BOOST_TEST(step_up.status != 200);
    const Reply renewed = admin_client.request("POST", "/api/auth/backup-codes", "", "application/json",
                                               admin_session.cookie_and_csrf());
    BOOST_REQUIRE_MESSAGE(renewed.status == 200, renewed.body);
    BOOST_TEST(renewed.json()->getArray("backup_codes")->size() == 10u);

    // One audit row, and every row carries the new key version.
    const auto audit = query_as_owner(
        "SELECT meta->>'version', actor_role FROM audit_events WHERE action = 'SECRET_ROTATED' ORDER BY at DESC LIMIT 1");
    BOOST_REQUIRE_EQUAL(audit.size(), 1u);
    BOOST_TEST(audit[0][1] == "cli");
    const std::string version = audit[0][0];
    BOOST_TEST(count_rows("SELECT count(*) FROM users WHERE key_version <> " + version) == 0);
    BOOST_TEST(count_rows("SELECT count(*) FROM vehicles WHERE key_version <> " + version) == 0);
    BOOST_TEST(count_rows("SELECT count(*) FROM sessions WHERE ended_at IS NULL AND key_version <> " + version) == 0);
    BOOST_TEST(count_rows("SELECT count(*) FROM mail_outbox WHERE recipient_ciphertext IS NOT NULL AND key_version <> " +
                          version) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
