// /admin in a real browser: a superadmin made with `ltc create-admin` signs in through /auth,
// enrols TOTP on /admin (secret read from the page, codes computed here), confirms the ten
// backup codes, accepts consent, finds another user by exact e-mail, changes that user's role
// through the step-up dialog (TOTP) and reveals the address through it again (backup code),
// then finds ROLE_CHANGED in the audit log; signs out and in again with a backup code as the
// second factor — at 375 px, without console errors.
//
// The step-up of the sign-in must run out before the role change, so this test needs the stack
// started with LTC_STEP_UP_TTL_SECONDS=2: it carries the label `short_step_up` (the test phase
// of that name); with a longer step-up it fails with a message saying so.
// Three sign-in codes per run: two in the browser, one through the API from another loopback
// address.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "admin_helpers.hpp"
#include "browser_env.hpp"
#include "mail_dir.hpp"
#include "page_helpers.hpp"
#include "totp/totp.hpp"

using namespace ltc::browser;
using namespace std::chrono_literals;

namespace {

constexpr const char* kTab = "\xEE\x80\x84";   // WebDriver key U+E004
constexpr const char* kShift = "\xEE\x80\x88"; // WebDriver key U+E008

struct ExpectedFailure {
    std::string path_part;
    int status;
};

// Chrome logs every failed fetch as a SEVERE network entry. Some are the point of a step: a
// sensitive request answered 403 step_up_required is how the step-up dialog appears, and a
// deliberately wrong code answers 400. Exactly one entry per expected failure is removed; every
// other entry still counts.
std::vector<LogEntry> withoutExpected(std::vector<LogEntry> entries, const std::vector<ExpectedFailure>& expected) {
    for (const auto& failure : expected) {
        const std::string status = "status of " + std::to_string(failure.status);
        const auto found = std::find_if(entries.begin(), entries.end(), [&](const LogEntry& entry) {
            return entry.source == "network" && entry.message.find(failure.path_part) != std::string::npos &&
                   entry.message.find(status) != std::string::npos;
        });
        if (found != entries.end()) entries.erase(found);
    }
    return entries;
}

// /auth?next=/admin with a code from the mail folder; returns when the browser is on /admin.
void signInThroughAuthPage(WebDriver& driver, const std::string& address) {
    const auto auth_errors = openPage(driver, "/auth?next=%2Fadmin");
    BOOST_TEST(auth_errors.empty(), "console errors on /auth:\n" << describe(auth_errors));
    BOOST_REQUIRE(waitShown(driver, "#step-email"));
    driver.sendKeys(driver.find("#email"), address);
    driver.click(driver.find("#request-submit"));
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#step-code"), "the code step did not appear; " << describePage(driver));
    const auto login_code = waitForLoginCode(address);
    BOOST_REQUIRE_MESSAGE(login_code, "no login code for " << address << " in " << mailDir());
    driver.sendKeys(driver.find("#code"), *login_code);
    driver.click(driver.find("#verify-submit"));
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/admin"), "after the code the browser is not on /admin; " << describePage(driver));
    BOOST_TEST(driver.currentUrl().find("next=%2Fadmin") != std::string::npos, "no next=/admin on " << driver.currentUrl());
}

bool dialogOpen(WebDriver& driver) {
    return evalBool(driver, "const d = document.getElementById('step-up-dialog'); return !!d && d.open;");
}

bool focusInDialog(WebDriver& driver) {
    return evalBool(driver, "const d = document.getElementById('step-up-dialog');"
                            "return !!d && d.contains(document.activeElement);");
}

void checkPhoneWidth(WebDriver& driver, const std::string& where) {
    const Widths widths = pageWidths(driver);
    BOOST_TEST(widths.inner_width == 375, where << ": viewport is " << widths.inner_width << " px, not 375");
    BOOST_TEST(widths.scroll_width <= widths.inner_width,
               where << ": the page scrolls sideways (" << widths.scroll_width << " > " << widths.inner_width << ")");
}

// The open step-up dialog: checks it, then enters `code` and confirms.
void passStepUpDialog(WebDriver& driver, const std::string& code, const std::string& where) {
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return dialogOpen(driver); }, 10s),
                          where << ": the step-up dialog did not open; " << describePage(driver));
    const Element dialog = driver.find("#step-up-dialog");
    BOOST_TEST(driver.attribute(dialog, "role").value_or("") == "dialog");
    BOOST_TEST(driver.attribute(dialog, "aria-modal").value_or("") == "true");
    BOOST_TEST(textAt(driver, "#step-up-title") == "Aktion bestätigen");
    BOOST_TEST(activeId(driver) == "step-up-code", where << ": focus is not in the code field of the dialog");
    screenshotIfWanted(driver, "admin-5-step-up-" + where.substr(0, where.find(' ')));

    // Tab and Shift+Tab stay inside the dialog (code field → Bestätigen → Abbrechen → code field).
    for (int i = 0; i < 4; ++i) {
        driver.sendKeys(driver.activeElement(), kTab);
        BOOST_TEST(focusInDialog(driver), where << ": Tab no. " << i + 1 << " left the dialog");
    }
    BOOST_TEST(activeId(driver) == "step-up-submit", where << ": four Tabs from the code field should wrap to Bestätigen");
    driver.sendKeys(driver.activeElement(), std::string(kShift) + kTab);
    driver.sendKeys(driver.activeElement(), std::string(kShift) + kTab);
    BOOST_TEST(activeId(driver) == "step-up-cancel", where << ": Shift+Tab from the code field should wrap to Abbrechen");
    BOOST_TEST(focusInDialog(driver));

    const Element input = driver.find("#step-up-code");
    driver.click(input);
    driver.sendKeys(input, code);
    driver.click(driver.find("#step-up-submit"));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return !dialogOpen(driver); }, 10s),
                          where << ": the step-up dialog stayed open: " << textAt(driver, "#step-up-dialog"));
}

} // namespace

BOOST_AUTO_TEST_SUITE(admin)

BOOST_AUTO_TEST_CASE(enrol_totp_change_role_with_step_up_and_audit, *boost::unit_test::label("short_step_up")) {
    WebDriver& driver = sharedDriver();
    openPage(driver, "/");
    driver.deleteAllCookies();
    driver.execute("window.sessionStorage.clear();");

    // The other account: a normal user, signed in once through the API.
    const std::string target_address = freshAddress("target");
    const std::string target_id = signInThroughApi(target_address);
    BOOST_TEST_MESSAGE("target user " << target_id);

    // 1. A superadmin from the operator CLI (its notice mail first, so the code mail is the newest).
    const std::string admin_address = freshAddress("admin");
    BOOST_TEST_MESSAGE("superadmin " << admin_address);
    createAdmin(admin_address, "superadmin");
    BOOST_REQUIRE_MESSAGE(waitForMailTo(admin_address), "no role notice mail for " << admin_address << " in " << mailDir());

    // 2. Sign-in through /auth with the mailed code → /admin for the second factor.
    signInThroughAuthPage(driver, admin_address);

    // 3. "Zwei-Faktor einrichten": QR code, secret, code from the app.
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#sf-enroll"), "the enrolment step is not shown; " << describePage(driver));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return !textAt(driver, "#enroll-secret").empty(); }, 10s),
                          "no secret on the enrolment step; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#page-title") == "Zwei-Faktor einrichten");
    BOOST_TEST(driver.title().find("Zwei-Faktor einrichten") == 0, "title: " << driver.title());
    BOOST_TEST(driver.waitUntil([&] {
        return evalBool(driver, "const i = document.getElementById('enroll-qr-image');"
                                "return !!i && i.src.startsWith('data:image/svg+xml') && i.complete && i.naturalWidth > 0;");
    }, 5s), "the QR code image is not shown");
    BOOST_TEST(activeId(driver) == "enroll-code", "the code field has no focus on the enrolment step");
    const std::string secret = textAt(driver, "#enroll-secret");
    const auto enroll_errors = consoleErrors(driver);
    BOOST_TEST(enroll_errors.empty(), "console errors on the enrolment step:\n" << describe(enroll_errors));
    checkPhoneWidth(driver, "enrolment step");
    screenshotIfWanted(driver, "admin-1-enrol", "#page-title");

    driver.sendKeys(driver.find("#enroll-code"), totpCode(secret));
    driver.click(driver.find("#enroll-submit"));

    // 4. The ten backup codes, once; "Weiter" only after "Ich habe die Codes gespeichert".
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#sf-backup"), "the backup codes did not appear; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#page-title") == "Backup-Codes sichern");
    BOOST_TEST(activeId(driver) == "page-title", "focus did not move to the heading of the backup codes");
    BOOST_REQUIRE_EQUAL(countOf(driver, "#backup-codes li"), 10);
    const std::string backup_code = textAt(driver, "#backup-codes li:nth-child(1) code");
    const std::string second_backup_code = textAt(driver, "#backup-codes li:nth-child(2) code");
    const std::string third_backup_code = textAt(driver, "#backup-codes li:nth-child(3) code");
    BOOST_TEST(backup_code.size() == 29u, "unexpected backup code format: " << backup_code);
    BOOST_TEST(textAt(driver, "#enroll-secret").empty(), "the secret is still in the page after activation");
    checkPhoneWidth(driver, "backup codes");
    screenshotIfWanted(driver, "admin-2-backup-codes");

    driver.click(driver.find("#backup-continue"));
    BOOST_TEST(!textAt(driver, "#backup-saved-error").empty(), "Weiter without the confirmation gave no error");
    BOOST_TEST(activeId(driver) == "backup-saved");
    BOOST_TEST(isShown(driver, "#sf-backup"));
    setChecked(driver, "#backup-saved", true);
    driver.click(driver.find("#backup-continue"));

    // 5. A fresh admin has not accepted the terms yet: /consent, then back to /admin.
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/consent"), "after the backup codes the browser is not on /consent; "
                                                               << describePage(driver));
    BOOST_REQUIRE(waitShown(driver, "#consent-form"));
    for (const auto& box : driver.findAll("#doc-list input[type=checkbox]")) {
        if (driver.property(box, "checked").value_or("") != "true") driver.click(box);
    }
    const Element consent_submit = driver.find("#consent-submit");
    BOOST_REQUIRE(driver.waitUntil([&] { return driver.property(consent_submit, "disabled").value_or("") == "false"; }, 2s));
    driver.click(consent_submit);

    // 6. The dashboard: stats on top, the users view.
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/admin"), "after consent the browser is not on /admin; " << describePage(driver));
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#users-section"), "the users view is not shown; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#page-title") == "Verwaltung");
    BOOST_TEST(driver.title().find("Benutzer – Verwaltung") == 0, "title: " << driver.title());
    BOOST_TEST(driver.waitUntil([&] { return countOf(driver, "#stats .stats__item") == 5; }, 10s),
               "the stats did not appear: " << textAt(driver, "#stats-section"));
    BOOST_TEST(driver.waitUntil([&] { return countOf(driver, "#users-body tr") > 0; }, 10s),
               "the user list stayed empty: " << textAt(driver, "#users-section"));
    BOOST_TEST(!isShown(driver, "#sf-enroll"));
    const auto dashboard_errors = consoleErrors(driver);
    BOOST_TEST(dashboard_errors.empty(), "console errors on the way to the dashboard:\n" << describe(dashboard_errors));
    checkPhoneWidth(driver, "dashboard");
    screenshotIfWanted(driver, "admin-3-dashboard");
    screenshotIfWanted(driver, "admin-3-dashboard-list", "#users-caption-text");

    // 7. Exact e-mail search → the other user → "Verwalten".
    driver.sendKeys(driver.find("#user-search-email"), target_address);
    driver.click(driver.find("#user-search-submit"));
    const std::string row = "#users-body tr[data-user-id=\"" + target_id + "\"]";
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] {
        return textAt(driver, "#users-caption-text").rfind("Suchergebnis", 0) == 0 && countOf(driver, row) == 1;
    }, 10s), "the search did not find the user: " << textAt(driver, "#users-section"));
    BOOST_TEST(countOf(driver, "#users-body tr") == 1);
    BOOST_TEST(textAt(driver, "#users-caption-text") == "Suchergebnis: 1 Benutzer angezeigt.");
    BOOST_TEST(textAt(driver, row).find("Nutzer") != std::string::npos, "row: " << textAt(driver, row));
    BOOST_TEST(textAt(driver, "#users-body").find(target_address) == std::string::npos,
               "the full address is shown in the list");
    driver.click(driver.find(row + " .manage-button"));
    BOOST_REQUIRE(waitShown(driver, "#user-panel"));
    BOOST_TEST(activeId(driver) == "user-panel-title");
    checkPhoneWidth(driver, "user panel");
    screenshotIfWanted(driver, "admin-4-user-panel");

    // 8. Role change: the sign-in's step-up has run out, so the dialog asks for a TOTP code.
    waitForStepUpToExpire(driver);
    setValue(driver, "#role-select", "vip");
    driver.sendKeys(driver.find("#role-reason"), "Browser-Test: Händlerprüfung abgeschlossen");
    driver.click(driver.find("#role-submit"));
    // A code of the next time step: the activation code's step has been used up.
    passStepUpDialog(driver, totpCode(secret, ltc::totp::kStepSeconds), "role change");
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return !textAt(driver, "#user-panel-status").empty() ||
                                                        !textAt(driver, "#user-panel-alert").empty(); }, 10s),
                          "no answer to the role change; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#user-panel-alert").empty(), "role change failed: " << textAt(driver, "#user-panel-alert"));
    BOOST_TEST(textAt(driver, "#user-panel-status") == "Die Rolle wurde auf „VIP“ geändert.");
    BOOST_TEST(activeId(driver) == "role-submit", "focus did not return to „Rolle ändern“ after the dialog");
    BOOST_TEST(textAt(driver, row).find("VIP") != std::string::npos, "row after the change: " << textAt(driver, row));
    const auto role_errors = withoutExpected(consoleErrors(driver), {{"/role", 403}});
    BOOST_TEST(role_errors.empty(), "console errors around the role change:\n" << describe(role_errors));

    // 9. Reveal the e-mail address: step-up again, this time with a backup code.
    waitForStepUpToExpire(driver);
    driver.click(driver.find("#reveal-button"));
    passStepUpDialog(driver, backup_code, "reveal e-mail");
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return isShown(driver, "#reveal-output"); }, 10s),
                          "the address was not revealed: " << textAt(driver, "#user-panel-alert"));
    BOOST_TEST(textAt(driver, "#reveal-output") == "E-Mail-Adresse: " + target_address);
    BOOST_TEST(activeId(driver) == "reveal-button");
    const auto reveal_errors = withoutExpected(consoleErrors(driver), {{"/reveal-email", 403}});
    BOOST_TEST(reveal_errors.empty(), "console errors around revealing the address:\n" << describe(reveal_errors));

    // 10. The audit log, filtered to this user and the action: ROLE_CHANGED.
    driver.click(driver.find("#user-audit-link"));
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#audit-section"), "the audit view is not shown; " << describePage(driver));
    BOOST_TEST(activeId(driver) == "audit-title", "focus did not move to the audit heading");
    BOOST_TEST(driver.title().find("Audit-Protokoll – Verwaltung") == 0, "title: " << driver.title());
    BOOST_TEST(!isShown(driver, "#users-section"));
    BOOST_TEST(evalString(driver, "return document.getElementById('audit-target').value;") == target_id);
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return countOf(driver, "#audit-body tr[data-action=\"ROLE_CHANGED\"]") > 0; }, 10s),
                          "no ROLE_CHANGED for the user in the audit view: " << textAt(driver, "#audit-section"));
    setValue(driver, "#audit-action", "ROLE_CHANGED");
    driver.click(driver.find("#audit-submit"));
    BOOST_TEST(driver.waitUntil([&] {
        return countOf(driver, "#audit-body tr") == 1 && countOf(driver, "#audit-body tr[data-action=\"ROLE_CHANGED\"]") == 1;
    }, 10s), "filtering by ROLE_CHANGED and the user did not give exactly one row: " << textAt(driver, "#audit-body"));
    BOOST_TEST(textAt(driver, "#audit-body").find(target_id) != std::string::npos);
    checkPhoneWidth(driver, "audit view");
    screenshotIfWanted(driver, "admin-6-audit", "#audit-caption-text");
    const auto audit_errors = consoleErrors(driver);
    BOOST_TEST(audit_errors.empty(), "console errors in the audit view:\n" << describe(audit_errors));

    // 11. Signed out and in again: the second factor is now a code (a wrong one first, then the
    //     second backup code), and /admin opens with the dashboard.
    driver.click(driver.find("#logout"));
    BOOST_REQUIRE_MESSAGE(waitForPath(driver, "/"), "after Abmelden the browser is not on /; " << describePage(driver));
    signInThroughAuthPage(driver, admin_address);
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#sf-verify"), "the second-factor step is not shown; " << describePage(driver));
    BOOST_TEST(textAt(driver, "#page-title") == "Zweiter Faktor");
    BOOST_TEST(activeId(driver) == "verify-code");
    BOOST_TEST(!isShown(driver, "#sf-enroll"));
    driver.sendKeys(driver.find("#verify-code"), "12345");
    driver.click(driver.find("#verify-submit"));
    BOOST_TEST(!textAt(driver, "#verify-code-error").empty(), "a five-digit code gave no error");
    BOOST_TEST(evalString(driver, "return document.getElementById('verify-code').getAttribute('aria-invalid') || '';") == "true");
    setValue(driver, "#verify-code", "");
    driver.sendKeys(driver.find("#verify-code"), "000000");
    driver.click(driver.find("#verify-submit"));
    BOOST_TEST(driver.waitUntil([&] { return textAt(driver, "#verify-code-error").find("ungültig") != std::string::npos; }, 10s),
               "a wrong code gave no error: " << textAt(driver, "#sf-verify"));
    BOOST_TEST(activeId(driver) == "verify-code");
    setValue(driver, "#verify-code", "");
    driver.sendKeys(driver.find("#verify-code"), second_backup_code);
    driver.click(driver.find("#verify-submit"));
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] { return pathOf(driver.currentUrl()) == "/admin" && isShown(driver, "#users-section"); }, 10s),
                          "after the backup code the dashboard did not appear; " << describePage(driver));
    BOOST_TEST(driver.currentUrl().find("next=") == std::string::npos, "still on " << driver.currentUrl());
    const auto again_errors = withoutExpected(consoleErrors(driver), {{"/api/auth/totp/verify", 400}});
    BOOST_TEST(again_errors.empty(), "console errors at the second sign-in:\n" << describe(again_errors));

    // 12. A full export of the user (issue 12): step-up, then the page downloads the ciphertext
    //     once and decrypts it with WebCrypto; the JSON (with the address) is offered as a file.
    waitForStepUpToExpire(driver);
    driver.click(driver.find("#nav-export"));
    BOOST_REQUIRE_MESSAGE(waitShown(driver, "#export-section"), "the export view is not shown; " << describePage(driver));
    setValue(driver, "#export-target", "user");
    driver.sendKeys(driver.find("#export-id"), target_id);
    driver.click(driver.find("#export-submit"));
    passStepUpDialog(driver, third_backup_code, "full export");
    BOOST_REQUIRE_MESSAGE(driver.waitUntil([&] {
        return evalString(driver, "return document.getElementById('export-download').href;").rfind("blob:", 0) == 0;
    }, 10s), "the export was not decrypted: " << textAt(driver, "#export-section"));
    // The summary is read from the decrypted JSON (the blob itself is out of reach: CSP connect-src).
    BOOST_TEST(textAt(driver, "#export-summary").find("ltc-full-export, Version 1") != std::string::npos,
               textAt(driver, "#export-summary"));
    BOOST_TEST(textAt(driver, "#export-key").size() == 43u);
    checkPhoneWidth(driver, "full export");
    const auto export_errors = withoutExpected(consoleErrors(driver), {{"/api/admin/exports", 403}});
    BOOST_TEST(export_errors.empty(), "console errors around the full export:\n" << describe(export_errors));
}

BOOST_AUTO_TEST_SUITE_END()
