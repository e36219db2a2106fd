// axe-core (WCAG 2.1 A and AA) on every page in the state a visitor finds it: the public and
// legal pages, sign-in, blog and news, the public trust page, and the signed-in owner's pages.
// The admin views are checked by editor_test.cpp (they need an enrolled admin).
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "accessibility.hpp"
#include "browser_env.hpp"
#include "page_helpers.hpp"

using namespace ltc::browser;

BOOST_AUTO_TEST_SUITE(accessibility)

BOOST_AUTO_TEST_CASE(axe_finds_nothing_the_helper_would_miss) {
    // The check itself: a page with an unlabelled field and an image without alt text fails.
    WebDriver& driver = sharedDriver();
    openPage(driver, "/impressum");
    driver.execute("const main = document.getElementById('main');"
                   "main.insertAdjacentHTML('beforeend', '<input id=\"a11y-probe\" type=\"text\"><img src=\"/favicon.ico\">');");
    const auto violations = axeViolations(driver);
    const auto has = [&](const std::string& rule) {
        for (const auto& line : violations) {
            if (line.rfind(rule + " ", 0) == 0) return true;
        }
        return false;
    };
    BOOST_TEST(has("label"));
    BOOST_TEST(has("image-alt"));
}

BOOST_AUTO_TEST_CASE(public_pages_have_no_wcag_violations) {
    WebDriver& driver = sharedDriver();
    forgetSession(driver);
    for (const std::string path : {"/", "/impressum", "/datenschutz", "/agb", "/cookies", "/faq", "/auth", "/blog",
                                   "/news", "/blog/gibt-es-nicht", "/gibt-es-nicht", "/qr/AAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
        openPage(driver, path);
        // Wait for the page's script to replace its loading state (where it has one).
        driver.waitUntil([&] { return textAt(driver, "[role=status]").find("geladen") == std::string::npos; },
                         std::chrono::seconds(3));
        checkAccessible(driver, path);
    }
}

BOOST_AUTO_TEST_CASE(signed_in_pages_have_no_wcag_violations) {
    WebDriver& driver = sharedDriver();
    signInFreshUser(driver, "a11y");
    BOOST_REQUIRE(waitShown(driver, "#create-section"));
    checkAccessible(driver, "/app (first visit: the create form)");

    const std::string vehicle = createInPage(driver, "/api/vehicles", R"({"vin":")" + randomVin() + R"(","make":"VW"})");
    BOOST_REQUIRE_MESSAGE(vehicle.size() == 36, "vehicle: " << vehicle);
    const std::string yesterday = evalString(driver, "return new Date(Date.now() - 86400000).toISOString().slice(0, 10);");
    BOOST_REQUIRE(createInPage(driver, "/api/vehicles/" + vehicle + "/entries",
                               R"({"date":")" + yesterday +
                                   R"(","category":"wartung","performed_by":"fachwerkstatt","odometer_km":1000})")
                      .size() == 36);
    const InPageReply link = sendInPage(driver, "PUT", "/api/vehicles/" + vehicle + "/public-link");
    BOOST_REQUIRE_MESSAGE(link.status == 200, link.body);
    const std::string public_url =
        Poco::JSON::Parser().parse(link.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("url");

    openPage(driver, "/app");
    BOOST_REQUIRE(driver.waitUntil([&] { return countOf(driver, "#vehicle-list li") == 1; }));
    checkAccessible(driver, "/app (vehicle list)");

    openPage(driver, "/app/vehicle?id=" + vehicle);
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#vehicle-content"), describePage(driver));
    driver.waitUntil([&] { return countOf(driver, "#timeline li") > 0; }, std::chrono::seconds(5));
    checkAccessible(driver, "/app/vehicle");

    openPage(driver, "/app/transfer");
    BOOST_REQUIRE(waitShown(driver, "#main form"));
    checkAccessible(driver, "/app/transfer");

    openPage(driver, "/consent");
    driver.waitUntil([&] { return !textAt(driver, "[role=status]").empty(); }, std::chrono::seconds(3));
    checkAccessible(driver, "/consent (already accepted)");

    openPage(driver, "/admin");
    BOOST_REQUIRE(waitShown(driver, "#no-access"));
    checkAccessible(driver, "/admin (no access)");

    openPage(driver, pathOf(public_url));
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#public-light"), describePage(driver));
    checkAccessible(driver, "the public trust page");
}

BOOST_AUTO_TEST_SUITE_END()
