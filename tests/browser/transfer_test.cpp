// The sale in a real browser (issue 12): a seller creates a transfer on the vehicle page (code
// and QR code shown), a second user redeems the code on /app/transfer and lands on the
// vehicle, and the seller's vehicle list no longer has the car.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

#include <httplib.h>

#include "browser_env.hpp"
#include "page_helpers.hpp"

using namespace ltc::browser;

namespace {

// GET /api/vehicles as the holder of this session cookie.
std::string vehicleListOf(const std::string& session) {
    httplib::Client client(baseUrl());
    client.enable_server_certificate_verification(false);
    const auto reply = client.Get("/api/vehicles", {{"Cookie", "__Host-ltc_session=" + session}});
    return reply && reply->status == 200 ? reply->body : "";
}

void checkNoConsoleErrors(WebDriver& driver, const std::string& where) {
    const auto errors = consoleErrors(driver);
    BOOST_TEST(errors.empty(), "console errors " << where << ":\n" << describe(errors));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transfer)

BOOST_AUTO_TEST_CASE(a_buyer_takes_the_vehicle_over_with_the_code) {
    WebDriver& driver = sharedDriver();
    signInFreshUser(driver, "seller");
    BOOST_REQUIRE(waitShown(driver, "#create-section"));
    driver.sendKeys(driver.find("#create-vin"), randomVin());
    driver.click(driver.find("#create-submit"));
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/app/vehicle"), describePage(driver));
    const std::string vehicle_id = evalString(driver, "return new URLSearchParams(location.search).get('id');");
    const std::string seller_session = sessionToken(driver);
    BOOST_TEST(vehicleListOf(seller_session).find(vehicle_id) != std::string::npos);

    BOOST_REQUIRE(waitShown(driver, "#transfer-create"));
    driver.click(driver.find("#transfer-create"));
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#transfer-code-box"), describePage(driver));
    const std::string code = textAt(driver, "#transfer-code");
    BOOST_TEST(code.size() == 34u);  // 7 groups of 4 and 6 hyphens
    BOOST_TEST(evalString(driver, "return document.getElementById('transfer-qr').src.slice(0, 19);") ==
               "data:image/svg+xml;");
    BOOST_TEST(isShown(driver, "#transfer-cancel"));
    BOOST_TEST(isShown(driver, "#transfer-extend"));
    BOOST_TEST(!textAt(driver, "#transfer-open-info").empty());
    checkNoConsoleErrors(driver, "on the vehicle page");

    signInFreshUser(driver, "buyer");
    openPage(driver, "/app/transfer");
    BOOST_REQUIRE(waitShown(driver, "#redeem-form"));
    driver.sendKeys(driver.find("#redeem-code"), code);
    driver.click(driver.find("#redeem-submit"));
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/app/vehicle"), describePage(driver));
    BOOST_TEST(evalString(driver, "return new URLSearchParams(location.search).get('id');") == vehicle_id);
    BOOST_TEST(waitShown(driver, "#vehicle-content"));
    checkNoConsoleErrors(driver, "after redeeming");

    // The seller's session is still alive, but the car is gone from its list.
    const std::string seller_list = vehicleListOf(seller_session);
    BOOST_TEST(seller_list.find("\"items\"") != std::string::npos);
    BOOST_TEST(seller_list.find(vehicle_id) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
