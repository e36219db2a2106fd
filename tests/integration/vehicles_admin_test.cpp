// Vehicles seen by admins and by the restore window; the free tier for vip (issue 5).
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {
std::string create(Member& owner, const std::string& vin) { return create_vehicle(owner, vin); }
}  // namespace

BOOST_AUTO_TEST_SUITE(vehicles_admin)

BOOST_AUTO_TEST_CASE(owner_restore_window_and_admin_views) {
    Member owner("restorer");
    const std::string id = create(owner, new_vin());
    BOOST_TEST(owner.send("DELETE", "/api/vehicles/" + id, R"({"reason":"verschrottet"})").status == 204);
    count_rows("WITH moved AS (UPDATE vehicles SET deleted_at = now() - interval '31 days' WHERE id = '" + id +
               "' RETURNING 1) SELECT count(*) FROM moved");
    const Reply late = owner.send("POST", "/api/vehicles/" + id + "/restore");
    BOOST_TEST(late.status == 403);
    BOOST_TEST(late.error_code() == "restore_period_expired");

    Admin admin("admin", "vehicle-admin");
    const Reply seen = admin.send("GET", "/api/vehicles/" + id);
    BOOST_TEST(seen.status == 200);
    BOOST_TEST(!seen.json()->isNull("deleted_at"));
    BOOST_TEST(seen.json()->getValue<std::string>("delete_reason") == "verschrottet");
    BOOST_TEST(seen.json()->getValue<std::string>("owner_id") == owner.session.user_id);
    const auto admin_reads = [&] {
        return count_rows("SELECT count(*) FROM audit_events WHERE action = 'ADMIN_VEHICLE_READ' AND target_id = '" + id + "'");
    };
    BOOST_TEST(admin_reads() == 1);  // the admin's reads are on record
    bool listed = false;
    for (std::string cursor;;) {
        const Reply page = admin.send("GET", "/api/vehicles?deleted=1&limit=100" + (cursor.empty() ? "" : "&cursor=" + cursor));
        const auto items = page.json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i) listed = listed || items->getObject(i)->getValue<std::string>("id") == id;
        if (page.json()->isNull("next_cursor")) break;
        cursor = page.json()->getValue<std::string>("next_cursor");
    }
    BOOST_TEST(listed);
    BOOST_TEST(admin.send("POST", "/api/vehicles/" + id + "/restore").status == 200);
    BOOST_TEST(owner.send("GET", "/api/vehicles/" + id).status == 200);
    BOOST_TEST(admin.send("GET", "/api/vehicles/" + id + "/entries").status == 200);
    BOOST_TEST(admin_reads() == 2);  // entries too; the owner's own reads are not
    // Owners never see the admin fields, and ?deleted=1 means nothing for them.
    BOOST_TEST(!owner.send("GET", "/api/vehicles/" + id).json()->has("owner_id"));
    BOOST_TEST(owner.send("GET", "/api/vehicles?deleted=1").json()->getArray("items")->size() == 1u);
}

BOOST_AUTO_TEST_CASE(admin_vin_change_needs_the_step_up_and_vip_has_no_free_tier_limit) {
    Admin superadmin("superadmin", "vin-admin");
    Member vip(superadmin, "vip", "vip-owner");
    const std::string first = create(vip, new_vin());
    const std::string second = create(vip, new_vin());
    BOOST_TEST(first != second);
    BOOST_TEST(vip.send("POST", "/api/vehicles/" + first + "/entries",
                        R"({"date":"2024-01-01","category":"wartung","performed_by":"fachwerkstatt","odometer_km":1})")
                   .status == 201);
    BOOST_TEST(vip.send("PATCH", "/api/vehicles/" + first, R"({"vin":")" + new_vin() + R"("})").error_code() == "vin_locked");
    // The admin's session is stepped up since the second factor: the change goes through.
    const Reply changed = superadmin.send("PATCH", "/api/vehicles/" + first, R"({"vin":")" + new_vin() + R"("})");
    BOOST_TEST(changed.status == 200);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'VEHICLE_UPDATED' AND target_id = '" + first +
                          "' AND actor_id = '" + superadmin.session.user_id + "'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
