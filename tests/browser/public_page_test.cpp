// The public QR page in a real browser at 375 px (issue 11): the owner turns the public link on
// and rotates it on /app/vehicle; a stranger (no cookies) opens /qr/{token} and sees the light's
// word, its sentence and the disclaimer; the old URL shows the neutral "not found" message.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

#include "browser_env.hpp"
#include "page_helpers.hpp"

using namespace ltc::browser;

namespace {
std::string linkUrl(WebDriver& driver) { return textAt(driver, "#public-link-url"); }
}  // namespace

BOOST_AUTO_TEST_SUITE(public_page)

BOOST_AUTO_TEST_CASE(owner_turns_the_link_on_and_rotates_it_stranger_sees_the_page) {
    WebDriver& driver = sharedDriver();
    signInFreshUser(driver, "public-page");
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#create-section"), describePage(driver));
    driver.sendKeys(driver.find("#create-vin"), randomVin());
    driver.sendKeys(driver.find("#create-make"), "Mercedes-Benz");
    driver.sendKeys(driver.find("#create-model"), "190 E");
    driver.click(driver.find("#create-submit"));
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/app/vehicle"), describePage(driver));

    // On: the URL, the QR preview and the downloads appear.
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#public-link-on"), describePage(driver));
    driver.click(driver.find("#public-link-on"));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return isShown(driver, "#public-link-url"); }), describePage(driver));
    const std::string first = linkUrl(driver);
    BOOST_TEST(first.find(baseUrl() + "/qr/") == 0u, first);
    BOOST_TEST(isShown(driver, "#public-link-qr"));
    BOOST_TEST(driver.waitUntil([&] { return evalBool(driver, "return document.getElementById('public-link-qr').naturalWidth > 0;"); }),
               "the QR preview did not load");
    BOOST_TEST(isShown(driver, "#public-link-sticker"));

    // Rotate (the confirmation is answered by script: WebDriver cannot click a native dialog here).
    driver.execute("window.confirm = () => true;");
    driver.click(driver.find("#public-link-rotate"));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return !linkUrl(driver).empty() && linkUrl(driver) != first; }),
                          describePage(driver));
    const std::string second = linkUrl(driver);
    BOOST_TEST(consoleErrors(driver).empty());

    // A stranger: no cookie, no CSRF token in the tab (the next test starts signed out too).
    driver.deleteAllCookies();
    driver.execute("window.sessionStorage.clear();");
    const auto errors = openPage(driver, pathOf(second));
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#public-light"), describePage(driver));
    BOOST_TEST(errors.empty(), describe(errors));
    BOOST_TEST(textAt(driver, "#public-light .trust-light__word") == "Rot");  // no entries yet
    BOOST_TEST(textAt(driver, "#public-sentence") == "Nachweisqualität gering oder unsicher.");
    BOOST_TEST(textAt(driver, "#public-disclaimer") == kDisclaimer);
    BOOST_TEST(textAt(driver, "#public-vehicle").find("190 E") != std::string::npos);
    BOOST_TEST(countOf(driver, "h1") == 1);
    const Widths widths = pageWidths(driver);
    BOOST_TEST(widths.scroll_width <= widths.inner_width, "horizontal scrolling at 375 px");

    // The rotated-away URL: the neutral message, no light, the disclaimer still there.
    openPage(driver, pathOf(first));  // the 404 of the API is logged by the browser: expected here
    BOOST_TEST(driver.waitUntil([&] { return textAt(driver, "#public-alert").find("gibt es nicht") != std::string::npos; }),
               describePage(driver));
    BOOST_TEST(textAt(driver, "#public-status").empty());  // no "loading" left behind
    BOOST_TEST(!isShown(driver, "#public-light"));
    BOOST_TEST(isShown(driver, "#public-disclaimer"));
}

BOOST_AUTO_TEST_SUITE_END()
