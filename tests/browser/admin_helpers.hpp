// Helpers for the admin browser test: the operator CLI (create-admin), a sign-in through the API
// (no browser) for a second account, TOTP codes for a secret read from the page, and waiting for
// step-up to run out.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "webdriver.hpp"

namespace ltc::browser {

// LTC_ROOT if set, else the current directory (the repository root when run from there).
std::string repoRoot();

// `<root>/scripts/ltc-local.sh create-admin --email <address> --role <role>` (settings from
// $LTC_VAR_DIR/ltc.env). Throws std::runtime_error with the command's output when it fails.
void createAdmin(const std::string& address, const std::string& role);

// Waits until the mail folder holds at least one finished .eml addressed to `address`.
bool waitForMailTo(const std::string& address, std::chrono::milliseconds timeout = std::chrono::seconds(10));

// Signs `address` in through the API (request → code from the mail folder → verify) from a
// random loopback source address, so the browser's per-IP budget is not used. Creates the
// account on first use. Returns the user id. Throws std::runtime_error on any failure.
std::string signInThroughApi(const std::string& address);
// The same, keeping the session: its user id and its Bearer token.
struct ApiSession {
    std::string user_id;
    std::string token;
};
ApiSession signInSessionThroughApi(const std::string& address);

// The TOTP code of a base32 `secret` (spaces allowed) at now + offset_seconds.
std::string totpCode(const std::string& secret, std::int64_t offset_seconds = 0);

// Milliseconds until this browser session's step-up runs out at the latest (GET /api/auth/me in
// the page; the answer has whole seconds, so up to a second more); 0 only when there is none. Throws std::runtime_error when /api/auth/me does not answer 200.
long long stepUpRemainingMs(WebDriver& driver);

// With LTC_SCREENSHOT_DIR set: the viewport as <dir>/<name>.png (for looking at a run), after
// scrolling the element `scroll_to` (a CSS selector, optional) to the top of the viewport.
void screenshotIfWanted(WebDriver& driver, const std::string& name, const std::string& scroll_to = "");

// An admin made with createAdmin() through the pages, without checking each step (admin_test
// does that): /auth?next=/admin with the mailed code, TOTP enrolment (secret read from the
// page), backup codes confirmed, consent accepted. Returns the TOTP secret once the dashboard
// shows; throws std::runtime_error with the page state when a step does not come.
struct EnrolledAdmin {
    std::string secret;
    std::vector<std::string> backup_codes;  // the ten shown once
};
EnrolledAdmin enrolAdminWithBackupCodes(WebDriver& driver, const std::string& address);
std::string enrolAdminThroughPages(WebDriver& driver, const std::string& address);

// Waits until this browser session's step-up has run out; throws std::runtime_error when it
// lasts more than a minute (a stack without LTC_STEP_UP_TTL_SECONDS=2) or does not end.
void waitForStepUpToExpire(WebDriver& driver);
// Waits for the open step-up dialog, enters `code` and confirms; false when it did not open or
// did not close again.
bool confirmStepUp(WebDriver& driver, const std::string& code);

} // namespace ltc::browser
