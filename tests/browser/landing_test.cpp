// The public shell: landing page, legal pages, and the way from "Eintritt" to the sign-in form.
#include <boost/test/unit_test.hpp>

#include <httplib.h>

#include <string>

#include "browser_env.hpp"

using namespace ltc::browser;

namespace {

std::string js(WebDriver& driver, const std::string& script) { return driver.execute(script).convert<std::string>(); }

void checkFitsAt375(WebDriver& driver) {
    const Widths widths = pageWidths(driver);
    // The check means something only at the phone width the browser was started with.
    BOOST_TEST(widths.inner_width == 375);
    BOOST_TEST(widths.scroll_width <= widths.inner_width,
               "horizontal scrolling: scrollWidth " << widths.scroll_width << " > innerWidth " << widths.inner_width);
}

void checkOneHeading(WebDriver& driver) {
    const auto headings = driver.findAll("h1");
    BOOST_TEST(headings.size() == 1u, "expected exactly one h1, found " << headings.size());
    if (!headings.empty()) BOOST_TEST(!driver.text(headings.front()).empty(), "the h1 is empty");
}

} // namespace

BOOST_AUTO_TEST_SUITE(landing)

BOOST_AUTO_TEST_CASE(served_html_carries_the_disclaimer_byte_exact) {
    httplib::Client client(baseUrl());
    client.enable_server_certificate_verification(false);
    client.set_connection_timeout(std::chrono::seconds(5));
    const auto res = client.Get("/");
    BOOST_REQUIRE_MESSAGE(res, "GET / failed (httplib error " << static_cast<int>(res.error()) << ")");
    BOOST_TEST(res->status == 200);
    BOOST_TEST(res->body.find(std::string(">") + kDisclaimer + "<") != std::string::npos,
               "the disclaimer is not in the HTML of / as exact UTF-8 text");
    BOOST_TEST(res->body.find("id=\"disclaimer\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(landing_page_is_clean_and_eintritt_leads_to_the_email_field) {
    WebDriver& driver = sharedDriver();

    const auto errors = openPage(driver, "/");
    BOOST_TEST(errors.empty(), "console errors on /:\n" << describe(errors));
    BOOST_TEST(js(driver, "return document.documentElement.lang;") == "de");
    checkOneHeading(driver);

    const Element disclaimer = driver.find("#disclaimer");
    BOOST_TEST(js(driver, "return document.getElementById('disclaimer').textContent;") == std::string(kDisclaimer));
    BOOST_TEST(driver.text(disclaimer) == std::string(kDisclaimer));

    checkFitsAt375(driver);

    const Element eintritt = driver.find("#eintritt");
    BOOST_TEST(driver.text(eintritt) == "Eintritt");
    BOOST_TEST(driver.attribute(eintritt, "href").value_or("") == "/auth");
    driver.click(eintritt);

    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return pathOf(driver.currentUrl()) == "/auth"; }),
                          "clicking Eintritt did not lead to /auth but to " << driver.currentUrl());
    BOOST_REQUIRE(driver.waitForLoad());
    const bool focused = driver.waitUntil([&] {
        return js(driver, "const a = document.activeElement; return a ? a.id : '';") == "email";
    }, std::chrono::seconds(5));
    BOOST_TEST(focused, "the e-mail field has no focus on /auth; active element: "
                            << js(driver, "const a = document.activeElement; return a ? a.outerHTML.slice(0, 120) : '';"));
    BOOST_TEST(js(driver, "return document.getElementById('email').type;") == "email");
    BOOST_TEST(js(driver, "return document.querySelector('label[for=email]') ? 'yes' : 'no';") == "yes");

    const auto auth_errors = consoleErrors(driver);
    BOOST_TEST(auth_errors.empty(), "console errors on /auth:\n" << describe(auth_errors));
    checkOneHeading(driver);
    checkFitsAt375(driver);
}

BOOST_AUTO_TEST_CASE(legal_pages_have_a_heading_and_no_console_errors) {
    WebDriver& driver = sharedDriver();
    for (const std::string path : {"/impressum", "/datenschutz", "/agb", "/cookies", "/faq"}) {
        BOOST_TEST_CONTEXT("page " << path) {
            const auto errors = openPage(driver, path);
            BOOST_TEST(errors.empty(), "console errors:\n" << describe(errors));
            BOOST_TEST(pathOf(driver.currentUrl()) == path);
            BOOST_TEST(js(driver, "return document.documentElement.lang;") == "de");
            checkOneHeading(driver);
            BOOST_TEST(js(driver, "return document.getElementById('disclaimer').textContent;") ==
                       std::string(kDisclaimer));
            checkFitsAt375(driver);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
