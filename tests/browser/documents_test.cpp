// The documents section of /app/vehicle in a real browser: a fresh owner uploads a phone photo
// to an entry through the file picker; the upload shows in the list as "Wird geprüft", attached
// to the entry, without console errors and without horizontal scrolling at 375 px.
// (The admin's approval through the step-up dialog is not driven here yet: see
// tests/integration/documents_test.cpp for approval and the light turning grün.)
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "../fixtures/test_images.hpp"
#include "browser_env.hpp"
#include "page_helpers.hpp"

using namespace ltc::browser;

namespace {

// POST through the page's own session (cookie + the CSRF token the page keeps); returns the id.
std::string createInPage(WebDriver& driver, const std::string& path, const std::string& body) {
    return evalString(driver,
                      "const [path, body] = arguments[0].split('\\n');"
                      "const x = new XMLHttpRequest(); x.open('POST', path, false);"
                      "x.setRequestHeader('Content-Type', 'application/json');"
                      "x.setRequestHeader('X-CSRF-Token', sessionStorage.getItem('ltc.csrf') || '');"
                      "x.send(body); return x.status === 201 ? JSON.parse(x.responseText).id : 'status ' + x.status;",
                      path + "\n" + body);
}

std::string randomVin() {
    static const std::string alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    std::random_device device;
    std::string vin;
    for (int i = 0; i < 17; ++i) vin.push_back(alphabet[device() % alphabet.size()]);
    return vin;
}

std::string writePhoto() {
    const std::string path = std::filesystem::temp_directory_path() / ("ltc-browser-photo-" + randomVin() + ".jpg");
    std::ofstream(path, std::ios::binary) << ltc::test_images::with_photo_metadata(ltc::test_images::make_jpeg());
    return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(documents_page)

BOOST_AUTO_TEST_CASE(owner_uploads_a_photo_to_an_entry) {
    WebDriver& driver = sharedDriver();
    signInFreshUser(driver, "doc-browser");
    const std::string vehicle = createInPage(driver, "/api/vehicles", R"({"vin":")" + randomVin() + R"(","accident_status":"unfallfrei"})");
    BOOST_REQUIRE_MESSAGE(vehicle.size() == 36, "vehicle: " << vehicle);
    const std::string today = evalString(driver, "return new Date(Date.now() - 86400000).toISOString().slice(0, 10);");
    const std::string entry = createInPage(driver, "/api/vehicles/" + vehicle + "/entries",
                                           R"({"date":")" + today + R"(","category":"wartung","performed_by":"fachwerkstatt","odometer_km":1000})");
    BOOST_REQUIRE_MESSAGE(entry.size() == 36, "entry: " << entry);

    const auto errors = openPage(driver, "/app/vehicle?id=" + vehicle);
    BOOST_TEST(errors.empty(), "console errors on the vehicle page:\n" << describe(errors));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return countOf(driver, "#documents-entry option") == 2; }),
                          "the entry choice did not load; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#documents-summary").find("Noch keine Dokumente") != std::string::npos);
    BOOST_TEST(evalString(driver, "return document.getElementById('documents-camera').getAttribute('capture') || '';") ==
               "environment");

    setValue(driver, "#documents-entry", entry);
    const std::string photo = writePhoto();
    driver.sendKeys(driver.find("#documents-file"), photo);
    const bool listed = driver.waitUntil([&] { return countOf(driver, "#documents-list .document-item") == 1; },
                                         std::chrono::seconds(15));
    std::filesystem::remove(photo);
    BOOST_REQUIRE_MESSAGE(listed, "the upload did not appear; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#documents-list .status-badge") == "Wird geprüft");
    BOOST_TEST(textAt(driver, "#vehicle-status").find("hochgeladen") != std::string::npos,
               "status: " << textAt(driver, "#vehicle-status"));
    BOOST_TEST(evalString(driver, "return document.querySelector('#documents-list select').value;") == entry);
    BOOST_TEST(textAt(driver, "#documents-alert").empty(), "alert: " << textAt(driver, "#documents-alert"));
    const Widths widths = pageWidths(driver);
    BOOST_TEST(widths.scroll_width <= widths.inner_width, "the page scrolls sideways at 375 px");
    const auto later = consoleErrors(driver);
    BOOST_TEST(later.empty(), "console errors after the upload:\n" << describe(later));
}

BOOST_AUTO_TEST_SUITE_END()
