// The blog and news editor under /admin, across the three roles, in the browser at 375 px: a
// moderator (who sees only the editor) writes a draft, sees the server's preview follow the
// text and submits it; an admin reviews it; a superadmin publishes it through the step-up
// dialog; a reader finds it on /blog. axe-core checks every admin view on the way.
//
// Label short_step_up: the superadmin's step-up of the sign-in must run out before publishing,
// so the dialog appears (stack with LTC_STEP_UP_TTL_SECONDS=2). Sign-in codes: three in the
// browser (superadmin, moderator, admin) plus one more for the superadmin, and one through the
// API from another loopback address (the moderator's account).
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <string>
#include <utility>

#include <Poco/JSON/Array.h>

#include "accessibility.hpp"
#include "admin_helpers.hpp"
#include "browser_env.hpp"
#include "page_helpers.hpp"
#include "totp/totp.hpp"

using namespace ltc::browser;

namespace {

// Every view of /admin (its hash) and its section.
const std::pair<const char*, const char*> kAdminViews[] = {
    {"benutzer", "users-section"},   {"protokoll", "audit-section"},     {"pruefung", "review-section"},
    {"export", "export-section"},    {"redaktion", "editor-section"},    {"sicherheit", "security-section"},
    {"einwilligung", "consent-section"}};
const std::string kTitle = "Ölwechsel richtig belegen";

void checkPhoneWidth(WebDriver& driver, const std::string& where) {
    const Widths widths = pageWidths(driver);
    BOOST_TEST(widths.inner_width == 375, where);
    BOOST_TEST(widths.scroll_width <= widths.inner_width, where << ": the page scrolls sideways");
}

void showAdminView(WebDriver& driver, const std::string& view, const std::string& section) {
    driver.execute("window.location.hash = arguments[0];", [&] {
        auto args = Poco::makeShared<Poco::JSON::Array>();
        args->add(view);
        return args;
    }());
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#" + section), view << ": " << describePage(driver));
}

// Opens the article titled kTitle from the editor's list.
void openArticleInEditor(WebDriver& driver) {
    showAdminView(driver, "redaktion", "editor-section");
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return textAt(driver, "#editor-list").find(kTitle) != std::string::npos; }),
                          describePage(driver));
    driver.execute("for (const item of document.querySelectorAll('#editor-list li')) {"
                   "  if (item.textContent.includes(arguments[0])) { item.querySelector('button').click(); return; } }",
                   [&] {
                       auto args = Poco::makeShared<Poco::JSON::Array>();
                       args->add(kTitle);
                       return args;
                   }());
    BOOST_REQUIRE(waitShown(driver, "#editor-workspace"));
}

bool statusSays(WebDriver& driver, const std::string& text) {
    return driver.waitUntil([&] { return textAt(driver, "#editor-status") == text; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(editor)

BOOST_AUTO_TEST_CASE(moderator_writes_admin_reviews_superadmin_publishes_reader_reads,
                     *boost::unit_test::label("short_step_up")) {
    WebDriver& driver = sharedDriver();
    const std::string super_address = freshAddress("editor-super");
    const std::string admin_address = freshAddress("editor-admin");
    const std::string moderator_address = freshAddress("editor-moderator");
    createAdmin(super_address, "superadmin");
    createAdmin(admin_address, "admin");
    const std::string moderator_id = signInThroughApi(moderator_address);
    std::string lowered = "oelwechsel-";
    for (const char c : randomVin().substr(0, 8)) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

    // The superadmin: enrolled through the pages, promotes the moderator (step-up through the
    // API with the next TOTP code), every admin view passes axe.
    forgetSession(driver);
    const EnrolledAdmin super = enrolAdminWithBackupCodes(driver, super_address);
    BOOST_REQUIRE(sendInPage(driver, "POST", "/api/auth/step-up",
                             R"({"code":")" + totpCode(super.secret, ltc::totp::kStepSeconds) + R"("})")
                      .status == 200);
    const InPageReply promoted = sendInPage(driver, "PUT", "/api/admin/users/" + moderator_id + "/role",
                                            R"({"role":"moderator","reason":"Redaktion"})");
    BOOST_REQUIRE_MESSAGE(promoted.status == 200, promoted.body);
    BOOST_TEST(waitShown(driver, "#stats"));
    for (const auto& [view, section] : kAdminViews) {
        showAdminView(driver, view, section);
        driver.waitUntil([&] { return textAt(driver, std::string("#") + section + " [role=status]").find("geladen") == std::string::npos; },
                         std::chrono::seconds(3));
        checkAccessible(driver, std::string("/admin#") + view + " (superadmin)");
        checkPhoneWidth(driver, std::string("/admin#") + view);
    }

    // The moderator sees the editor only, writes, previews and submits.
    forgetSession(driver);
    signInThroughPages(driver, moderator_address, "/admin");
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#editor-section"), describePage(driver));
    BOOST_TEST(textAt(driver, "#page-title") == "Redaktion");
    BOOST_TEST(!isShown(driver, "#stats-section"));
    BOOST_TEST(!isShown(driver, ".subnav"));
    BOOST_TEST(sendInPage(driver, "GET", "/api/admin/users").status == 403);
    driver.click(driver.find("#editor-new"));
    BOOST_REQUIRE(waitShown(driver, "#editor-form"));
    checkAccessible(driver, "/admin#redaktion (moderator, new article)");
    driver.sendKeys(driver.find("#editor-slug"), lowered);
    driver.sendKeys(driver.find("#editor-title-input"), kTitle);
    driver.sendKeys(driver.find("#editor-excerpt"), "Warum die Rechnung zählt.");
    driver.sendKeys(driver.find("#editor-body"), "# Belege\n\nDie Rechnung ist der *Nachweis*.");
    driver.click(driver.find("#editor-save"));
    BOOST_REQUIRE_MESSAGE(statusSays(driver, "Gespeichert."), describePage(driver));
    BOOST_TEST(textAt(driver, "#editor-state") == "Status: Entwurf");
    BOOST_TEST(evalString(driver, "return document.getElementById('editor-preview').innerHTML;") ==
               "<h1>Belege</h1>\n<p>Die Rechnung ist der <em>Nachweis</em>.</p>\n");
    // Live preview: the draft is saved after typing stops; the server renders, raw HTML stays out.
    driver.sendKeys(driver.find("#editor-body"), " <script>x()</script> **Immer.**");
    BOOST_TEST(driver.waitUntil([&] { return countOf(driver, "#editor-preview strong") == 1; }, std::chrono::seconds(5)),
               describePage(driver));
    BOOST_TEST(countOf(driver, "#editor-preview script") == 0);
    checkAccessible(driver, "/admin#redaktion (moderator, draft with preview)");
    checkPhoneWidth(driver, "/admin#redaktion (moderator)");
    driver.click(driver.find("#editor-submit"));
    BOOST_REQUIRE(statusSays(driver, "Der Artikel ist zur Prüfung eingereicht."));
    BOOST_TEST(textAt(driver, "#editor-state") == "Status: In Prüfung");
    BOOST_TEST(!isShown(driver, "#editor-publish-box"));

    // The admin reviews; publishing is not offered to an admin.
    forgetSession(driver);
    enrolAdminThroughPages(driver, admin_address);
    openArticleInEditor(driver);
    BOOST_TEST(!isShown(driver, "#editor-publish-box"));
    BOOST_REQUIRE(waitShown(driver, "#editor-review"));
    driver.sendKeys(driver.find("#editor-review-text"), "Sachlich, passt.");
    driver.click(driver.find("#editor-review-submit"));
    BOOST_REQUIRE(statusSays(driver, "Die Prüfung ist vermerkt."));
    BOOST_TEST(textAt(driver, "#editor-review-note") == "Anmerkung der Prüfung: Sachlich, passt.");

    // The superadmin again (backup code as second factor), publishes through the step-up dialog.
    forgetSession(driver);
    signInThroughPages(driver, super_address, "/admin");
    BOOST_REQUIRE(waitShown(driver, "#sf-verify"));
    driver.sendKeys(driver.find("#verify-code"), super.backup_codes.at(0));
    driver.click(driver.find("#verify-submit"));
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#admin-dashboard"), describePage(driver));
    openArticleInEditor(driver);
    BOOST_REQUIRE(waitShown(driver, "#editor-publish-box"));
    waitForStepUpToExpire(driver);
    driver.click(driver.find("#editor-publish"));
    BOOST_REQUIRE_MESSAGE(confirmStepUp(driver, super.backup_codes.at(1)), describePage(driver));
    BOOST_REQUIRE_MESSAGE(statusSays(driver, "Der Artikel ist veröffentlicht."), describePage(driver));
    BOOST_TEST(textAt(driver, "#editor-state") == "Status: Veröffentlicht");

    // A reader, signed out, at 375 px.
    forgetSession(driver);
    openPage(driver, "/blog");
    BOOST_REQUIRE(driver.waitUntil([&] { return textAt(driver, "#articles").find(kTitle) != std::string::npos; }));
    checkAccessible(driver, "/blog with an article");
    const auto errors = openPage(driver, "/blog/" + lowered);
    BOOST_TEST(errors.empty(), describe(errors));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return textAt(driver, "#article-title") == kTitle; }), describePage(driver));
    BOOST_TEST(textAt(driver, "#article-body h1") == "Belege");
    BOOST_TEST(countOf(driver, "#article-body script") == 0);
    checkPhoneWidth(driver, "the article");
    checkAccessible(driver, "the article page");
}

BOOST_AUTO_TEST_SUITE_END()
