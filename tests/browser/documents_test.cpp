// The documents section of /app/vehicle in a real browser: a fresh owner uploads a phone photo
// to an entry through the file picker and sees it as "Wird geprüft", attached to the entry,
// without console errors and without horizontal scrolling at 375 px. In the short step-up phase
// an admin (a second browser) then marks the scan clean and approves it through the step-up
// dialog on /admin, and the owner sees the entry become T3 and the light turn Grün.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <thread>
#include <random>
#include <string>

#include "../fixtures/test_images.hpp"
#include "admin_helpers.hpp"
#include "browser_env.hpp"
#include "page_helpers.hpp"
#include "totp/totp.hpp"

using namespace ltc::browser;

namespace {

std::string writePhoto(const std::string& path) {
    std::ofstream(path, std::ios::binary) << ltc::test_images::with_photo_metadata(ltc::test_images::make_jpeg());
    return path;
}

struct Upload {
    std::string vehicle;
    std::string entry;
    std::string filename;
};

// A fresh owner with an unfallfrei vehicle and one entry uploads a photo to that entry on the
// vehicle page; checks what the owner sees.
Upload uploadPhotoAsOwner(WebDriver& driver) {
    signInFreshUser(driver, "doc-browser");
    Upload upload;
    upload.vehicle = createInPage(driver, "/api/vehicles", R"({"vin":")" + randomVin() + R"(","accident_status":"unfallfrei"})");
    BOOST_REQUIRE_MESSAGE(upload.vehicle.size() == 36, "vehicle: " << upload.vehicle);
    const std::string yesterday = evalString(driver, "return new Date(Date.now() - 86400000).toISOString().slice(0, 10);");
    upload.entry = createInPage(driver, "/api/vehicles/" + upload.vehicle + "/entries",
                                R"({"date":")" + yesterday + R"(","category":"wartung","performed_by":"fachwerkstatt","odometer_km":1000})");
    BOOST_REQUIRE_MESSAGE(upload.entry.size() == 36, "entry: " << upload.entry);

    const auto errors = openPage(driver, "/app/vehicle?id=" + upload.vehicle);
    BOOST_TEST(errors.empty(), "console errors on the vehicle page:\n" << describe(errors));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return countOf(driver, "#documents-entry option") == 2; }),
                          "the entry choice did not load; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#documents-summary").find("Noch keine Dokumente") != std::string::npos);
    BOOST_TEST(evalString(driver, "return document.getElementById('documents-camera').getAttribute('capture') || '';") ==
               "environment");

    setValue(driver, "#documents-entry", upload.entry);
    upload.filename = "werkstatt-" + randomVin() + ".jpg";
    const std::string photo = writePhoto(std::filesystem::temp_directory_path() / upload.filename);
    driver.sendKeys(driver.find("#documents-file"), photo);
    const bool listed = driver.waitUntil([&] { return countOf(driver, "#documents-list .document-item") == 1; },
                                         std::chrono::seconds(15));
    std::filesystem::remove(photo);
    BOOST_REQUIRE_MESSAGE(listed, "the upload did not appear; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#documents-list .status-badge") == "Wird geprüft");
    BOOST_TEST(textAt(driver, "#vehicle-status").find("hochgeladen") != std::string::npos,
               "status: " << textAt(driver, "#vehicle-status"));
    BOOST_TEST(evalString(driver, "return document.querySelector('#documents-list select').value;") == upload.entry);
    BOOST_TEST(textAt(driver, "#documents-alert").empty(), "alert: " << textAt(driver, "#documents-alert"));
    const Widths widths = pageWidths(driver);
    BOOST_TEST(widths.scroll_width <= widths.inner_width, "the page scrolls sideways at 375 px");
    const auto later = consoleErrors(driver);
    BOOST_TEST(later.empty(), "console errors after the upload:\n" << describe(later));
    return upload;
}

// Clicks the button labelled `label` of the document `filename` in the review queue, paging
// through the queue (oldest first) until the document shows.
bool clickInReview(WebDriver& driver, const std::string& filename, const std::string& label) {
    const std::string script =
        "const [name, label] = arguments[0].split('\\n');"
        "for (const item of document.querySelectorAll('#review-list .document-item')) {"
        "  if (item.querySelector('h3').textContent !== name) continue;"
        "  const button = [...item.querySelectorAll('button')].find((b) => b.textContent === label);"
        "  if (button) { button.click(); return true; }"
        "}"
        "return false;";
    for (int page = 0; page < 50; ++page) {
        if (driver.waitUntil([&] { return evalBool(driver, script, filename + "\n" + label); }, std::chrono::seconds(2))) return true;
        if (!isShown(driver, "#review-more")) return false;
        const int shown = countOf(driver, "#review-list .document-item");
        driver.click(driver.find("#review-more"));
        driver.waitUntil([&] { return countOf(driver, "#review-list .document-item") > shown; });
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(documents_page)

BOOST_AUTO_TEST_CASE(owner_uploads_a_photo_to_an_entry) {
    uploadPhotoAsOwner(sharedDriver());
}

// Needs LTC_STEP_UP_TTL_SECONDS=2 (scripts/test.sh's short step-up phase), like admin_test.
BOOST_AUTO_TEST_CASE(admin_approves_through_the_step_up_dialog_and_the_light_turns_gruen,
                     *boost::unit_test::label("short_step_up")) {
    WebDriver& owner = sharedDriver();
    owner.deleteAllCookies();
    const Upload upload = uploadPhotoAsOwner(owner);
    BOOST_TEST(textAt(owner, "#trust-word") != "Grün");

    WebDriver admin;  // a second browser, so the owner stays signed in
    const std::string address = freshAddress("doc-admin");
    createAdmin(address, "admin");
    BOOST_REQUIRE(waitForMailTo(address));
    const std::string secret = enrolAdminThroughPages(admin, address);
    openPage(admin, "/admin#pruefung");
    BOOST_REQUIRE_MESSAGE(waitShown(admin, "#review-section"), describePage(admin));
    BOOST_REQUIRE_MESSAGE(clickInReview(admin, upload.filename, "Als sauber markieren"), describePage(admin));
    BOOST_REQUIRE(admin.waitUntil([&] { return textAt(admin, "#review-status").find("sauber") != std::string::npos; }));

    std::this_thread::sleep_for(std::chrono::milliseconds(stepUpRemainingMs(admin)));  // the sign-in's step-up runs out
    BOOST_REQUIRE_MESSAGE(clickInReview(admin, upload.filename, "Freigeben"), describePage(admin));
    BOOST_REQUIRE_MESSAGE(confirmStepUp(admin, totpCode(secret, ltc::totp::kStepSeconds)), describePage(admin));
    BOOST_REQUIRE_MESSAGE(admin.waitUntil([&] { return textAt(admin, "#review-status") == "Das Dokument wurde freigegeben."; }),
                          "no approval: " << textAt(admin, "#review-status"));

    openPage(owner, "/app/vehicle?id=" + upload.vehicle);
    BOOST_REQUIRE_MESSAGE(owner.waitUntil([&] { return textAt(owner, "#trust-word") == "Grün"; }),
                          "the light is " << textAt(owner, "#trust-word") << "; " << describePage(owner));
    BOOST_TEST(owner.waitUntil([&] { return textAt(owner, "#timeline").find("T3 · Mit Dokument belegt") != std::string::npos; }),
               "the entry is not T3: " << textAt(owner, "#timeline"));
    BOOST_TEST(textAt(owner, "#documents-list .status-badge") == "Gültiger Nachweis");
    BOOST_TEST(countOf(owner, "#documents-list a[href$='/content']") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
