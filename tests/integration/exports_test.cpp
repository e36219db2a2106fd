// Exports through nginx (issue 12): the redacted vehicle export and the encrypted full export.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include <Poco/JSON/Parser.h>

#include "admin_helpers.hpp"
#include "crypto/aead.hpp"
#include "exports/export_key.hpp"

using namespace ltc::test;

namespace {

const std::string entry_fields = R"("date":"2023-05-01","category":"wartung","performed_by":"fachwerkstatt","odometer_km":)";

// A vehicle with one entry in two versions; its id.
std::string documented_vehicle(Member& owner, const std::string& vin) {
    const std::string vehicle = create_vehicle(owner, vin);
    const Reply entry = owner.send("POST", "/api/vehicles/" + vehicle + "/entries", "{" + entry_fields + "1000}");
    BOOST_REQUIRE_MESSAGE(entry.status == 201, entry.body);
    const std::string entry_id = entry.json()->getValue<std::string>("id");
    const Reply revised = owner.send("POST", "/api/vehicles/" + vehicle + "/entries/" + entry_id + "/revisions",
                                     "{" + entry_fields + R"(1200,"base_version":1,"reason":"Tippfehler"})");
    BOOST_REQUIRE_MESSAGE(revised.status == 201, revised.body);
    return vehicle;
}

struct Created {
    std::string id;
    std::string key;
    std::string token;
};

Created create_export(Admin& admin, const std::string& target, const std::string& id) {
    const Reply reply = admin.send("POST", "/api/admin/exports", R"({"target":")" + target + R"(","id":")" + id + R"("})");
    BOOST_REQUIRE_MESSAGE(reply.status == 201, reply.body);
    const auto json = reply.json();
    return {json->getValue<std::string>("export_id"), json->getValue<std::string>("key"),
            json->getValue<std::string>("download_token")};
}

Reply download(Admin& admin, const std::string& id, const std::string& token) {
    httplib::Headers headers = admin.session.cookie();
    if (!token.empty()) headers.emplace("X-Export-Token", token);
    return admin.client.get("/api/admin/exports/" + id, headers);
}

Poco::JSON::Object::Ptr decrypt(const Created& created, const std::string& ciphertext) {
    const auto key = ltc::exports::from_base64url(created.key);
    BOOST_REQUIRE(key && key->size() == 32);
    const std::string json = ltc::crypto::aead_decrypt(*key, ciphertext);
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

bool export_file_exists(const std::string& id) { return std::filesystem::exists(var_dir() + "/exports/" + id); }

}  // namespace

BOOST_AUTO_TEST_SUITE(exports)

BOOST_AUTO_TEST_CASE(redacted_export_has_every_revision_and_no_personal_data) {
    Member owner("export-owner");
    const std::string vin = new_vin();
    const std::string vehicle = documented_vehicle(owner, vin);
    const Reply reply = owner.send("GET", "/api/vehicles/" + vehicle + "/export");
    BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.body);
    BOOST_TEST(reply.header("Content-Disposition").find("attachment") == 0);
    const auto json = reply.json();
    BOOST_TEST(json->getValue<std::string>("format") == "ltc-vehicle-export");
    BOOST_TEST(json->getValue<int>("version") == 1);
    BOOST_TEST(!json->getValue<std::string>("exported_at").empty());
    BOOST_TEST(json->getObject("vehicle")->getValue<std::string>("vin_masked") ==
               vin.substr(0, 3) + std::string(10, '*') + vin.substr(13));
    const auto entries = json->getArray("entries");
    BOOST_REQUIRE(entries->size() == 1);
    BOOST_TEST(entries->getObject(0)->getValue<int>("version") == 2);
    BOOST_TEST(entries->getObject(0)->getArray("history")->size() == 2);
    BOOST_TEST(json->getArray("documents")->size() == 0);
    // No full VIN, no e-mail, no owner id anywhere.
    BOOST_TEST(reply.body.find(vin) == std::string::npos);
    BOOST_TEST(reply.body.find(owner.address) == std::string::npos);
    BOOST_TEST(reply.body.find(owner.session.user_id) == std::string::npos);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'EXPORT_REDACTED' AND target_id = '" + vehicle +
                          "'") == 1);

    Member stranger("export-stranger");
    BOOST_TEST(stranger.send("GET", "/api/vehicles/" + vehicle + "/export").status == 404);
}

BOOST_AUTO_TEST_CASE(full_export_decrypts_once_with_the_key) {
    Admin admin("admin", "export-admin");
    Member owner("export-full-owner");
    const std::string vin = new_vin();
    const std::string vehicle = documented_vehicle(owner, vin);
    const Created created = create_export(admin, "vehicle", vehicle);
    BOOST_TEST(created.key.size() == 43);  // 32 bytes, unpadded base64url
    BOOST_TEST(export_file_exists(created.id));

    // A wrong or missing token does not use the export up.
    BOOST_TEST(download(admin, created.id, "wrong").error_code() == "export_token_invalid");
    BOOST_TEST(download(admin, created.id, "").error_code() == "export_token_invalid");

    const Reply first = download(admin, created.id, created.token);
    BOOST_REQUIRE_MESSAGE(first.status == 200, first.body);
    BOOST_TEST(first.header("Content-Type").find("application/octet-stream") == 0);
    const auto json = decrypt(created, first.body);
    BOOST_TEST(json->getValue<std::string>("format") == "ltc-full-export");
    BOOST_TEST(json->getObject("vehicle")->getValue<std::string>("vin") == vin);
    BOOST_TEST(json->getObject("owner")->getValue<std::string>("email") == owner.address);
    BOOST_TEST(json->getArray("entries")->getObject(0)->getArray("history")->size() == 2);

    // Once only; the file is gone.
    BOOST_TEST(download(admin, created.id, created.token).error_code() == "export_token_invalid");
    BOOST_TEST(!export_file_exists(created.id));
    BOOST_TEST(download(admin, random_uuid(), created.token).status == 404);

    // The operator's tool opens the same bytes.
    const std::string file = var_dir() + "/export-test-" + created.id + ".bin";
    std::ofstream(file, std::ios::binary) << first.body;
    const std::string command = env_or("LTC_ROOT", ".") + "/build/bin/ltc decrypt-export --key " + created.key + " " +
                                file + " | grep -q " + vin;
    BOOST_TEST(std::system(command.c_str()) == 0);
    std::remove(file.c_str());

    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'EXPORT_FULL_CREATED' AND target_id = '" +
                          vehicle + "'") == 1);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'EXPORT_FULL_DOWNLOADED' AND target_id = '" +
                          created.id + "'") == 1);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'EXPORT_FULL_DENIED' AND target_id = '" +
                          created.id + "'") == 3);
    // Neither key nor token is stored.
    BOOST_TEST(count_rows("SELECT count(*) FROM full_exports WHERE token_hash = '" + created.token + "'") == 0);
}

BOOST_AUTO_TEST_CASE(user_export_holds_the_address_and_the_vehicles) {
    Admin admin("admin", "export-user-admin");
    Member owner("export-user");
    const std::string vin = new_vin();
    documented_vehicle(owner, vin);
    const Created created = create_export(admin, "user", owner.session.user_id);
    const Reply reply = download(admin, created.id, created.token);
    BOOST_REQUIRE(reply.status == 200);
    const auto json = decrypt(created, reply.body);
    BOOST_TEST(json->getValue<std::string>("target") == "user");
    BOOST_TEST(json->getObject("user")->getValue<std::string>("email") == owner.address);
    BOOST_TEST(json->getArray("vehicles")->getObject(0)->getObject("vehicle")->getValue<std::string>("vin") == vin);
}

BOOST_AUTO_TEST_CASE(concurrent_downloads_one_succeeds) {
    Admin admin("admin", "export-race");
    Member owner("export-race-owner");
    const Created created = create_export(admin, "vehicle", create_vehicle(owner, new_vin()));
    StackClient other(fresh_source_ip());
    Reply a;
    Reply b;
    std::thread ta([&] { a = download(admin, created.id, created.token); });
    std::thread tb([&] {
        httplib::Headers headers = admin.session.cookie();
        headers.emplace("X-Export-Token", created.token);
        b = other.get("/api/admin/exports/" + created.id, headers);
    });
    ta.join();
    tb.join();
    BOOST_TEST(((a.status == 200 && b.status == 403) || (a.status == 403 && b.status == 200)),
               "answers " << a.status << " / " << b.status);
}

BOOST_AUTO_TEST_CASE(full_export_is_for_admins_only) {
    Member owner("export-member");
    const std::string body = R"({"target":"vehicle","id":")" + create_vehicle(owner, new_vin()) + R"("})";
    BOOST_TEST(owner.send("POST", "/api/admin/exports", body).error_code() == "forbidden");
    BOOST_TEST(owner.send("GET", "/api/admin/exports/" + random_uuid()).error_code() == "forbidden");
}

// Runs in the phase with LTC_STEP_UP_TTL_SECONDS=2 (scripts/test.sh).
BOOST_AUTO_TEST_CASE(full_export_needs_a_fresh_step_up, *boost::unit_test::label("short_step_up")) {
    Admin admin("admin", "export-step-up");
    Member owner("export-step-up-owner");
    const std::string body = R"({"target":"vehicle","id":")" + create_vehicle(owner, new_vin()) + R"("})";
    std::this_thread::sleep_for(std::chrono::seconds(3));
    BOOST_TEST(admin.send("POST", "/api/admin/exports", body).error_code() == "step_up_required");
    BOOST_TEST(admin.send("POST", "/api/admin/exports", "{}").error_code() == "step_up_required");
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'EXPORT_FULL_DENIED' AND actor_id = '" +
                          admin.session.user_id + "' AND meta->>'reason_code' = 'step_up_required'") == 2);
    // After the step-up: the body, then the target.
    admin.step_up();
    BOOST_TEST(admin.send("POST", "/api/admin/exports", R"({"target":"car","id":"x"})").error_code() == "validation_failed");
    BOOST_TEST(admin.send("POST", "/api/admin/exports", R"({"target":"vehicle","id":")" + random_uuid() + R"("})").status ==
               404);
    BOOST_TEST(admin.send("POST", "/api/admin/exports", body).status == 201);
}

BOOST_AUTO_TEST_CASE(an_expired_export_is_410_and_retention_deletes_it, *boost::unit_test::label("short_ttl")) {
    Admin admin("admin", "export-expiry");
    Member owner("export-expiry-owner");
    const Created created = create_export(admin, "vehicle", create_vehicle(owner, new_vin()));
    std::this_thread::sleep_for(std::chrono::seconds(3));  // LTC_EXPORT_TTL_SECONDS=2 in this phase
    BOOST_TEST(download(admin, created.id, created.token).error_code() == "export_expired");
    BOOST_TEST(download(admin, created.id, "wrong").error_code() == "export_token_invalid");
    BOOST_TEST(export_file_exists(created.id));
    const std::string command = env_or("LTC_ROOT", ".") + "/scripts/ltc-local.sh jobs retention >/dev/null";
    BOOST_TEST(std::system(command.c_str()) == 0);
    BOOST_TEST(!export_file_exists(created.id));
    BOOST_TEST(count_rows("SELECT count(*) FROM full_exports WHERE id = '" + created.id + "' AND purged_at IS NOT NULL") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
