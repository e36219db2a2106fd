// The service book through nginx: vehicles, entries with revisions, the trust light (issue 5).
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>


#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {
struct Owner {
    StackClient client{fresh_source_ip()};
    Session session;
    explicit Owner(bool with_consent = true) : session(sign_in(client, fresh_address("owner"))) {
        if (with_consent) accept_current_consent(client, session);
    }
    Reply send(const std::string& method, const std::string& path, const std::string& body = {}) {
        return client.request(method, path, body, body.empty() ? "" : "application/json", session.bearer());
    }
    std::string create_vehicle(const std::string& vin, const std::string& extra = "") {
        const Reply reply = send("POST", "/api/vehicles", R"({"vin":")" + vin + "\"" + extra + "}");
        BOOST_REQUIRE_MESSAGE(reply.status == 201, reply.body);
        return reply.json()->getValue<std::string>("id");
    }
};

std::string entry_body(const std::string& date, int km, const std::string& extra = "") {
    return R"({"date":")" + date + R"(","category":"wartung","performed_by":"fachwerkstatt","odometer_km":)" +
           std::to_string(km) + extra + "}";
}

std::string field_code(const Reply& reply, const std::string& field) {
    const auto fields = reply.json()->getObject("error")->getObject("fields");
    return fields && fields->has(field) ? fields->getValue<std::string>(field) : "";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(vehicles)

BOOST_AUTO_TEST_CASE(create_list_get_patch_delete_and_restore) {
    Owner owner;
    const std::string vin = new_vin();
    const Reply created = owner.send("POST", "/api/vehicles",
                                     R"({"vin":" )" + vin.substr(0, 3) + "-" + vin.substr(3) +
                                         R"( ","nickname":"Alltag","vehicle_class":"alltag","make":"VW","model":"Golf","year":2019,"engine":"2.0 TDI","accident_status":"nicht_unfallfrei","accident_closed":true})");
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const auto vehicle = created.json();
    const std::string id = vehicle->getValue<std::string>("id");
    BOOST_TEST(vehicle->getValue<std::string>("vin_masked") == vin.substr(0, 3) + std::string(10, '*') + vin.substr(13));
    BOOST_TEST(vehicle->getValue<std::string>("make") == "VW");
    BOOST_TEST(vehicle->getValue<bool>("accident_closed") == true);
    BOOST_TEST(vehicle->getObject("trust")->getValue<std::string>("light") == "rot");
    BOOST_TEST(vehicle->getObject("public_link")->getValue<bool>("enabled") == false);
    BOOST_TEST(!vehicle->has("owner_id"));
    BOOST_TEST(created.body.find(vin) == std::string::npos);  // the full VIN never leaves the server

    const Reply listed = owner.send("GET", "/api/vehicles");
    BOOST_TEST(listed.json()->getArray("items")->size() == 1u);
    BOOST_TEST(listed.json()->isNull("next_cursor"));
    BOOST_TEST(owner.send("GET", "/api/vehicles/" + id).status == 200);

    const Reply patched = owner.send("PATCH", "/api/vehicles/" + id, R"({"nickname":null,"accident_status":"unfallfrei"})");
    BOOST_TEST(patched.status == 200);
    BOOST_TEST(patched.json()->isNull("nickname"));
    BOOST_TEST(patched.json()->getValue<bool>("accident_closed") == false);  // only stored for nicht_unfallfrei

    BOOST_TEST(owner.send("DELETE", "/api/vehicles/" + id, R"({})").error_code() == "validation_failed");
    BOOST_TEST(owner.send("DELETE", "/api/vehicles/" + id, R"({"reason":")" + std::string(501, 'x') + "\"}").json()
                   ->getObject("error")->getObject("fields")->getValue<std::string>("reason") == "too_long");
    BOOST_TEST(owner.send("DELETE", "/api/vehicles/" + id, R"({"reason":"verkauft"})").status == 204);
    BOOST_TEST(owner.send("GET", "/api/vehicles/" + id).status == 404);
    BOOST_TEST(owner.send("GET", "/api/vehicles").json()->getArray("items")->size() == 0u);
    const Reply restored = owner.send("POST", "/api/vehicles/" + id + "/restore");
    BOOST_TEST(restored.status == 200);
    BOOST_TEST(owner.send("GET", "/api/vehicles/" + id).status == 200);
    for (const std::string action : {"VEHICLE_CREATED", "VEHICLE_UPDATED", "VEHICLE_DELETED", "VEHICLE_RESTORED"}) {
        BOOST_TEST_CONTEXT(action) {
            BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = '" + action + "' AND target_id = '" + id + "'") == 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(free_tier_vin_uniqueness_and_reuse_after_delete) {
    Owner first;
    const std::string vin = new_vin();
    const std::string id = first.create_vehicle(vin);
    BOOST_TEST(first.send("POST", "/api/vehicles", R"({"vin":")" + new_vin() + "\"}").error_code() == "vehicle_limit_reached");

    Owner second;
    BOOST_TEST(second.send("POST", "/api/vehicles", R"({"vin":")" + vin + "\"}").error_code() == "vin_already_registered");
    BOOST_TEST(first.send("DELETE", "/api/vehicles/" + id, R"({"reason":"verkauft"})").status == 204);
    const std::string reused = second.create_vehicle(vin);
    BOOST_TEST(reused != id);
    // Restoring would now duplicate the VIN among active vehicles.
    BOOST_TEST(first.send("POST", "/api/vehicles/" + id + "/restore").error_code() == "vin_already_registered");
}

BOOST_AUTO_TEST_CASE(vin_rules_and_lock_after_first_entry) {
    Owner owner;
    for (const std::string bad : {R"("vin":"SHORT")", R"("vin":"WVWZZZ1JZ3W38675I")", R"("vin":17)", R"("nickname":"x")",
                                  R"("vin":null)"}) {
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(owner.send("POST", "/api/vehicles", "{" + bad + "}").error_code() == "invalid_vin");
        }
    }
    // Chassis numbers of older cars: 5..17 letters and digits, I/O/Q allowed, no check digit.
    const std::string chassis = "OQI" + new_vin().substr(0, 5);
    const Reply old = owner.send("POST", "/api/vehicles", R"({"vin":")" + chassis + R"(","year":1965})");
    BOOST_REQUIRE_MESSAGE(old.status == 201, old.body);
    BOOST_TEST(old.json()->isNull("vin_check_digit_valid"));
    const std::string id = old.json()->getValue<std::string>("id");
    BOOST_TEST(owner.send("PATCH", "/api/vehicles/" + id, R"({"year":null})").error_code() == "invalid_vin");
    BOOST_TEST(owner.send("PATCH", "/api/vehicles/" + id, R"({"vin":")" + new_vin() + R"(","year":2001})").status == 200);
    BOOST_TEST(owner.send("POST", "/api/vehicles/" + id + "/entries", entry_body("2020-01-01", 1000)).status == 201);
    BOOST_TEST(owner.send("PATCH", "/api/vehicles/" + id, R"({"vin":")" + new_vin() + "\"}").error_code() == "vin_locked");
}

BOOST_AUTO_TEST_CASE(other_peoples_vehicles_are_not_found_and_audited) {
    Owner owner;
    const std::string id = owner.create_vehicle(new_vin());
    Owner stranger;
    for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/vehicles/" + id}, {"GET", "/api/vehicles/" + id + "/trust"},
             {"GET", "/api/vehicles/" + id + "/entries"}, {"PATCH", "/api/vehicles/" + id}}) {
        const Reply reply = stranger.send(method, path, method == "PATCH" ? R"({"nickname":"mine"})" : "");
        BOOST_TEST_CONTEXT(method << " " << path) {
            BOOST_TEST(reply.status == 404);
            BOOST_TEST(reply.error_code() == "not_found");
        }
    }
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'ACCESS_DENIED' AND target_id = '" + id +
                          "' AND actor_id = '" + stranger.session.user_id + "'") == 4);
    BOOST_TEST(owner.send("GET", "/api/vehicles/" + id).json()->isNull("nickname"));
    // An unknown but well-formed id looks the same, and is audited too.
    const std::string unknown = "00000000-0000-4000-8000-00000000abcd";
    BOOST_TEST(stranger.send("GET", "/api/vehicles/" + unknown).status == 404);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'ACCESS_DENIED' AND target_id = '" + unknown + "'") >= 1);
}

BOOST_AUTO_TEST_CASE(entries_revisions_history_and_stale_revision) {
    Owner owner;
    const std::string id = owner.create_vehicle(new_vin(), R"(,"accident_status":"unfallfrei")");
    const std::string base = "/api/vehicles/" + id + "/entries";
    const Reply first = owner.send("POST", base, entry_body("2025-03-01", 40000, R"(,"paper_book":true,"cost":"129.9","note":"Öl")"));
    BOOST_REQUIRE_MESSAGE(first.status == 201, first.body);
    const std::string entry = first.json()->getValue<std::string>("id");
    BOOST_TEST(first.json()->getValue<std::string>("cost") == "129.90");
    BOOST_TEST(first.json()->getValue<std::string>("trust_level") == "T2");
    BOOST_TEST(owner.send("POST", base, entry_body("2026-01-15", 52000, R"(,"paper_book":true)")).status == 201);

    const Reply revised = owner.send("POST", base + "/" + entry + "/revisions",
                                     entry_body("2025-03-02", 41000, R"(,"base_version":1,"reason":"Datum korrigiert")"));
    BOOST_TEST(revised.status == 201);
    BOOST_TEST(revised.json()->getValue<int>("version") == 2);
    const Reply stale = owner.send("POST", base + "/" + entry + "/revisions", entry_body("2025-03-03", 41000, R"(,"base_version":1)"));
    BOOST_TEST(stale.status == 409);
    BOOST_TEST(stale.error_code() == "stale_revision");

    const Reply listed = owner.send("GET", base);
    const auto items = listed.json()->getArray("items");
    BOOST_TEST(items->size() == 2u);
    BOOST_TEST(items->getObject(0)->getValue<std::string>("date") == "2026-01-15");  // newest first

    BOOST_TEST(owner.send("DELETE", base + "/" + entry, R"({"reason":"doppelt","base_version":1})").error_code() == "stale_revision");
    BOOST_TEST(owner.send("DELETE", base + "/" + entry, R"({"reason":"doppelt","base_version":2})").status == 204);
    BOOST_TEST(owner.send("GET", base + "/" + entry).status == 404);
    BOOST_TEST(owner.send("POST", base + "/" + entry + "/revisions", entry_body("2025-03-03", 1, R"(,"base_version":3)")).status == 404);
    const Reply history = owner.send("GET", base + "/" + entry + "/history");
    const auto versions = history.json()->getArray("items");
    BOOST_TEST(versions->size() == 3u);
    BOOST_TEST(versions->getObject(0)->getValue<int>("version") == 1);
    BOOST_TEST(versions->getObject(2)->getValue<bool>("deleted") == true);
    BOOST_TEST(versions->getObject(2)->getValue<std::string>("reason") == "doppelt");
    BOOST_TEST(owner.send("GET", base).json()->getArray("items")->size() == 1u);
    for (const std::string action : {"ENTRY_CREATED", "ENTRY_REVISED", "ENTRY_DELETED"}) {
        BOOST_TEST_CONTEXT(action) {
            BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = '" + action + "' AND target_id = '" + entry + "'") == 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(trust_light_follows_the_entries) {
    Owner owner;
    const std::string id = owner.create_vehicle(new_vin(), R"(,"accident_status":"unfallfrei")");
    const auto light = [&] { return owner.send("GET", "/api/vehicles/" + id + "/trust").json(); };
    BOOST_TEST(light()->getValue<std::string>("light") == "rot");
    BOOST_TEST(light()->getArray("reasons")->getObject(0)->getValue<std::string>("code") == "history_missing");
    owner.send("POST", "/api/vehicles/" + id + "/entries", entry_body("2025-06-01", 30000, R"(,"paper_book":true)"));
    owner.send("POST", "/api/vehicles/" + id + "/entries", entry_body("2026-06-01", 45000, R"(,"paper_book":true)"));
    const auto now = light();
    // T2 only, no documents yet: verification_not_high (warn) → gelb.
    BOOST_TEST(now->getValue<std::string>("light") == "gelb");
    BOOST_TEST(now->getObject("counts")->getValue<int>("t2") == 2);
    BOOST_TEST(now->getObject("indicators")->getValue<std::string>("odometer") == "schluessig");
    owner.send("POST", "/api/vehicles/" + id + "/entries", entry_body("2026-07-01", 10000));
    BOOST_TEST(light()->getValue<std::string>("light") == "orange");  // odometer_inconsistent caps
    BOOST_TEST(owner.send("GET", "/api/vehicles/" + id).json()->getObject("trust")->getValue<std::string>("light") == "orange");
}

BOOST_AUTO_TEST_CASE(validation_errors_carry_field_codes_and_write_nothing) {
    Owner owner;
    const std::string id = owner.create_vehicle(new_vin());
    const std::string base = "/api/vehicles/" + id + "/entries";
    const Reply missing = owner.send("POST", base, "{}");
    for (const std::string field : {"date", "category", "performed_by", "odometer_km"}) {
        BOOST_TEST_CONTEXT(field) { BOOST_TEST(field_code(missing, field) == "required"); }
    }
    const Reply wrong = owner.send("POST", base, R"({"date":"2099-01-01","category":"tuning","performed_by":"ich","odometer_km":5e4,"cost":"1.999","note":)" +
                                                     std::string("\"") + std::string(4001, 'n') + R"(","paper_book":"ja","extra":1})");
    BOOST_TEST(field_code(wrong, "date") == "out_of_range");
    BOOST_TEST(field_code(wrong, "category") == "invalid");
    BOOST_TEST(field_code(wrong, "performed_by") == "invalid");
    BOOST_TEST(field_code(wrong, "odometer_km") == "invalid");
    BOOST_TEST(field_code(wrong, "cost") == "invalid");
    BOOST_TEST(field_code(wrong, "note") == "too_long");
    BOOST_TEST(field_code(wrong, "paper_book") == "invalid");
    BOOST_TEST(field_code(wrong, "extra") == "unknown_field");
    BOOST_TEST(field_code(owner.send("POST", base, entry_body("1885-12-31", 2000001, R"(,"cost":"10000000.01")")), "date") == "out_of_range");
    BOOST_TEST(field_code(owner.send("POST", base, entry_body("2020-02-30", -1)), "odometer_km") == "out_of_range");
    BOOST_TEST(field_code(owner.send("POST", base, entry_body("2020-02-30", 1)), "date") == "invalid");
    BOOST_TEST(field_code(owner.send("PATCH", "/api/vehicles/" + id, R"({"year":1800,"vehicle_class":"rennwagen","make":")" + std::string(61, 'm') + "\"}"), "year") == "out_of_range");
    BOOST_TEST(owner.send("POST", base, R"({"date":"2020-01-01",)").error_code() == "invalid_json");
    BOOST_TEST(owner.client.request("POST", base, entry_body("2020-01-01", 1), "text/plain", owner.session.bearer()).status == 415);
    BOOST_TEST(count_rows("SELECT count(*) FROM entry_versions WHERE vehicle_id = '" + id + "'") == 0);
}

BOOST_AUTO_TEST_CASE(consent_and_role_gate_the_product_routes) {
    Owner without_consent(false);
    const Reply gated = without_consent.send("GET", "/api/vehicles");
    BOOST_TEST(gated.status == 403);
    BOOST_TEST(gated.error_code() == "consent_required");
    BOOST_TEST(without_consent.send("POST", "/api/vehicles", R"({"vin":")" + new_vin() + "\"}").error_code() == "consent_required");

    Owner owner;
    const std::string id = owner.create_vehicle(new_vin());
    Owner moderator;
    query_as_owner("UPDATE users SET role = 'moderator' WHERE id = '" + moderator.session.user_id + "' RETURNING id");
    for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/vehicles"}, {"POST", "/api/vehicles"}, {"GET", "/api/vehicles/" + id},
             {"GET", "/api/vehicles/" + id + "/entries"}, {"GET", "/api/vehicles/" + id + "/trust"}}) {
        BOOST_TEST_CONTEXT(method << " " << path) {
            BOOST_TEST(moderator.send(method, path, method == "POST" ? "{}" : "").error_code() == "forbidden");
        }
    }
    BOOST_TEST(moderator.send("GET", "/api/auth/me").status == 200);
    BOOST_TEST(owner.send("GET", "/api/vehicles").status == 200);
    BOOST_TEST(owner.client.get("/api/vehicles").error_code() == "unauthenticated");
}

BOOST_AUTO_TEST_CASE(integers_beyond_64_bits_are_out_of_range_not_500) {
    Owner owner;
    const std::string id = owner.create_vehicle(new_vin());
    const std::string base = "/api/vehicles/" + id + "/entries";
    const std::string with_km = R"({"date":"2020-01-01","category":"wartung","performed_by":"fachwerkstatt","odometer_km":)";
    for (const std::string km : {"9223372036854775808", "18446744073709551616", "1000000000000000000000000000000", "1e30"}) {
        BOOST_TEST_CONTEXT(km) {
            const Reply reply = owner.send("POST", base, with_km + km + "}");
            BOOST_TEST(reply.status == 400);
            BOOST_TEST(reply.error_code() == "validation_failed");
            BOOST_TEST(field_code(reply, "odometer_km") == "out_of_range");
        }
    }
    BOOST_TEST(field_code(owner.send("POST", base, with_km + "5e4}"), "odometer_km") == "invalid");
    BOOST_TEST(owner.send("POST", base, with_km + std::string(400, '9') + "}").error_code() == "invalid_json");
    BOOST_TEST(field_code(owner.send("PATCH", "/api/vehicles/" + id, R"({"year":9223372036854775808})"), "year") ==
               "out_of_range");
    const Reply created = owner.send("POST", base, entry_body("2020-01-01", 1000));
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const std::string entry = base + "/" + created.json()->getValue<std::string>("id");
    BOOST_TEST(field_code(owner.send("POST", entry + "/revisions", entry_body("2020-01-01", 1000, R"(,"base_version":9223372036854775808)")),
                          "base_version") == "out_of_range");
    BOOST_TEST(field_code(owner.send("DELETE", entry, R"({"reason":"x","base_version":-9223372036854775809})"), "base_version") ==
               "out_of_range");
}

BOOST_AUTO_TEST_CASE(every_validation_failed_names_its_fields) {
    Owner owner;
    const std::string id = owner.create_vehicle(new_vin());
    for (const std::string body : {"[]", "\"text\"", "5", "null"}) {
        BOOST_TEST_CONTEXT(body) {
            const Reply reply = owner.send("POST", "/api/vehicles/" + id + "/entries", body);
            BOOST_TEST(reply.error_code() == "validation_failed");
            BOOST_TEST(field_code(reply, "body") == "invalid");
        }
    }
    const Reply nul = owner.send("POST", "/api/vehicles/" + id + "/entries", entry_body("2020-01-01", 1, R"(,"note":"a\u0000b")"));
    BOOST_TEST(nul.error_code() == "validation_failed");
    BOOST_TEST(field_code(nul, "note") == "invalid");
    BOOST_TEST(field_code(owner.send("PATCH", "/api/vehicles/" + id, R"({"nickname":"\u0000"})"), "nickname") == "invalid");
}

BOOST_AUTO_TEST_CASE(limit_outside_1_to_100_or_not_a_number_is_refused_on_every_collection) {
    Owner owner;
    const std::string id = owner.create_vehicle(new_vin());
    const Reply created = owner.send("POST", "/api/vehicles/" + id + "/entries", entry_body("2020-01-01", 1000));
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const std::string entries = "/api/vehicles/" + id + "/entries";
    const std::string history = entries + "/" + created.json()->getValue<std::string>("id") + "/history";
    for (const std::string& path : {std::string("/api/vehicles"), entries, history}) {
        BOOST_TEST_CONTEXT(path) {
            for (const std::string limit : {"0", "101", "99999999999"}) {
                const Reply reply = owner.send("GET", path + "?limit=" + limit);
                BOOST_TEST(reply.status == 400);
                BOOST_TEST(field_code(reply, "limit") == "out_of_range");
            }
            for (const std::string limit : {"", "abc", "-1", "1.5", "%FF"}) {
                const Reply reply = owner.send("GET", path + "?limit=" + limit);
                BOOST_TEST(reply.status == 400);
                BOOST_TEST(field_code(reply, "limit") == "invalid");
            }
            BOOST_TEST(owner.send("GET", path + "?limit=1").status == 200);
        }
    }
}

BOOST_AUTO_TEST_CASE(entry_lists_are_paged) {
    Owner owner;
    const std::string id = owner.create_vehicle(new_vin());
    const std::string entries = "/api/vehicles/" + id + "/entries";
    for (const std::string date : {"2020-01-01", "2021-01-01", "2022-01-01"}) {
        BOOST_REQUIRE(owner.send("POST", entries, entry_body(date, 1000)).status == 201);
    }
    const auto first = owner.send("GET", entries + "?limit=2").json();
    BOOST_TEST(first->getArray("items")->size() == 2u);
    BOOST_REQUIRE(!first->isNull("next_cursor"));
    const auto rest = owner.send("GET", entries + "?limit=2&cursor=" + first->getValue<std::string>("next_cursor")).json();
    BOOST_TEST(rest->getArray("items")->size() == 1u);
    BOOST_TEST(rest->getArray("items")->getObject(0)->getValue<std::string>("date") == "2020-01-01");
    BOOST_TEST(rest->isNull("next_cursor"));
}

BOOST_AUTO_TEST_SUITE_END()
