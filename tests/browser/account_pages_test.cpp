// Pages for account features the API already had: an owner restores a deleted vehicle (on
// "Meine Fahrzeuge" right after deleting it, and on the vehicle page that finds it gone), and
// "Überall abmelden" ends every session of the account, a second one included.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include <httplib.h>

#include "accessibility.hpp"
#include "admin_helpers.hpp"
#include "browser_env.hpp"
#include "page_helpers.hpp"

using namespace ltc::browser;

namespace {

// GET /api/auth/me with these headers (a session cookie or a Bearer token): the status.
int meStatus(const httplib::Headers& headers) {
    httplib::Client client(baseUrl());
    client.enable_server_certificate_verification(false);
    const auto reply = client.Get("/api/auth/me", headers);
    return reply ? reply->status : 0;
}

std::string vehicleBody(const std::string& nickname) {
    return R"({"vin":")" + randomVin() + R"(","nickname":")" + nickname + R"("})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(account_pages)

BOOST_AUTO_TEST_CASE(an_owner_restores_a_deleted_vehicle) {
    WebDriver& driver = sharedDriver();
    signInFreshUser(driver, "restore");
    const std::string vehicle = createInPage(driver, "/api/vehicles", vehicleBody("Sommerauto"));
    BOOST_REQUIRE_MESSAGE(vehicle.size() == 36, "vehicle: " << vehicle);

    // Deleted on the vehicle page: "Meine Fahrzeuge" says so and offers to restore it.
    openPage(driver, "/app/vehicle?id=" + vehicle);
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#delete-open"), describePage(driver));
    driver.click(driver.find("#delete-open"));
    BOOST_REQUIRE(waitShown(driver, "#vehicle-delete-reason"));
    driver.sendKeys(driver.find("#vehicle-delete-reason"), "Aus Versehen");
    driver.click(driver.find("#vehicle-delete button[type=submit]"));
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/app"), describePage(driver));
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#restore-vehicle"), describePage(driver));
    BOOST_TEST(driver.waitUntil([&] { return textAt(driver, "#app-status") == "Das Fahrzeug wurde gelöscht."; }));
    BOOST_TEST(countOf(driver, "#vehicle-list li") == 0);
    checkAccessible(driver, "/app after deleting a vehicle");

    driver.click(driver.find("#restore-vehicle"));
    BOOST_TEST(driver.waitUntil([&] { return textAt(driver, "#app-status") == "Das Fahrzeug wurde wiederhergestellt."; }),
               describePage(driver));
    BOOST_TEST(countOf(driver, "#vehicle-list li") == 1);
    BOOST_TEST(textAt(driver, "#vehicle-list").find("Sommerauto") != std::string::npos);
    BOOST_TEST(!isShown(driver, "#restore-vehicle"));
    BOOST_TEST(driver.currentUrl().find("geloescht") == std::string::npos);
    BOOST_TEST(sendInPage(driver, "GET", "/api/vehicles/" + vehicle).status == 200);
    const auto errors = consoleErrors(driver);
    BOOST_TEST(errors.empty(), describe(errors));

    // Deleted elsewhere: the vehicle page finds it gone and offers the same.
    BOOST_REQUIRE(sendInPage(driver, "DELETE", "/api/vehicles/" + vehicle, R"({"reason":"Test"})").status == 204);
    openPage(driver, "/app/vehicle?id=" + vehicle);  // its 404 is logged by the browser: expected here
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#restore-vehicle"), describePage(driver));
    BOOST_TEST(textAt(driver, "#vehicle-alert").find("Fehler-ID: ") != std::string::npos);
    checkAccessible(driver, "/app/vehicle of a deleted vehicle");
    driver.click(driver.find("#restore-vehicle"));
    BOOST_TEST(waitShown(driver, "#vehicle-content"), describePage(driver));
    BOOST_TEST(textAt(driver, "#page-title").find("Sommerauto") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ueberall_abmelden_ends_a_second_session_too) {
    WebDriver& driver = sharedDriver();
    const std::string address = signInFreshUser(driver, "logout-all");
    const std::string own = sessionToken(driver);
    const ApiSession other = signInSessionThroughApi(address);  // the second session, elsewhere
    BOOST_REQUIRE(meStatus({{"Authorization", "Bearer " + other.token}}) == 200);
    BOOST_REQUIRE(meStatus({{"Cookie", "__Host-ltc_session=" + own}}) == 200);

    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#logout-all"), describePage(driver));
    checkAccessible(driver, "/app with the account menu");
    driver.click(driver.find("#logout-all"));
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/"), describePage(driver));
    BOOST_TEST(meStatus({{"Authorization", "Bearer " + other.token}}) == 401);
    BOOST_TEST(meStatus({{"Cookie", "__Host-ltc_session=" + own}}) == 401);
    BOOST_TEST(driver.waitUntil([&] { return isShown(driver, "#nav-signin"); }), describePage(driver));
}

BOOST_AUTO_TEST_SUITE_END()
