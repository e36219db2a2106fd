// The transfer and export routes in the authorization matrix (API.md order of checks):
// 401 → CSRF → role (moderators and non-admins 403 forbidden) → consent.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <tuple>
#include <vector>

#include "admin_helpers.hpp"

using namespace ltc::test;

BOOST_AUTO_TEST_SUITE(transfer_export_access)

BOOST_AUTO_TEST_CASE(every_new_route_applies_the_order_of_checks) {
    Admin super("superadmin", "te-access-super");
    Member moderator(super, "moderator", "te-access-moderator");
    Member owner("te-access-owner");
    const std::string vehicle = "/api/vehicles/" + create_vehicle(owner, new_vin());
    const std::string some_id = random_uuid();
    using Route = std::tuple<std::string, std::string, std::string>;
    const std::vector<Route> product = {
        {"POST", vehicle + "/transfers", ""},
        {"GET", vehicle + "/transfers", ""},
        {"POST", "/api/transfers/" + some_id + "/extend", ""},
        {"DELETE", "/api/transfers/" + some_id, ""},
        {"POST", "/api/transfers/redeem", R"({"code":"X"})"},
        {"GET", vehicle + "/export", ""},
    };
    const std::vector<Route> admin_only = {
        {"POST", "/api/admin/exports", R"({"target":"user","id":")" + some_id + R"("})"},
        {"GET", "/api/admin/exports/" + some_id, ""},
    };
    StackClient anonymous(fresh_source_ip());
    StackClient fresh_client(fresh_source_ip());
    const Session no_consent = sign_in(fresh_client, fresh_address("te-access-no-consent"));
    for (const auto& [method, path, body] : product) {
        BOOST_TEST_CONTEXT(method << " " << path) {
            BOOST_TEST(anonymous.request(method, path, body).error_code() == "unauthenticated");
            BOOST_TEST(moderator.send(method, path, body).error_code() == "forbidden");
            BOOST_TEST(fresh_client.request(method, path, body, "application/json", no_consent.bearer()).error_code() ==
                       "consent_required");
            if (method != "GET") {
                BOOST_TEST(owner.client.request(method, path, body, "application/json", owner.session.cookie()).error_code() ==
                           "csrf_failed");
            }
        }
    }
    for (const auto& [method, path, body] : admin_only) {
        BOOST_TEST_CONTEXT(method << " " << path) {
            BOOST_TEST(anonymous.request(method, path, body).error_code() == "unauthenticated");
            BOOST_TEST(moderator.send(method, path, body).error_code() == "forbidden");
            BOOST_TEST(owner.send(method, path, body).error_code() == "forbidden");
        }
    }
    // Admins pass to object scope: unknown ids are 404.
    BOOST_TEST(super.send("GET", "/api/admin/exports/" + some_id).status == 404);
    BOOST_TEST(super.send("POST", "/api/transfers/" + some_id + "/extend").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
