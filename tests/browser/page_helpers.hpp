// Helpers for browser tests that work inside the signed-in app: small page queries, waiting,
// setting form values, and a complete first sign-in of a fresh account (with consent).
#pragma once

#include <chrono>
#include <string>

#include "browser_env.hpp"

namespace ltc::browser {

// Runs `script` (a function body; `arguments[0]` is `arg`) and converts the result.
std::string evalString(WebDriver& driver, const std::string& script, const std::string& arg = "");
bool evalBool(WebDriver& driver, const std::string& script, const std::string& arg = "");
int evalInt(WebDriver& driver, const std::string& script, const std::string& arg = "");

// The first element matching `css` exists, is not inside [hidden] and has a layout box.
bool isShown(WebDriver& driver, const std::string& css);
// textContent of the first element matching `css`, whitespace collapsed and trimmed ('' if none).
std::string textAt(WebDriver& driver, const std::string& css);
// Number of elements matching `css`.
int countOf(WebDriver& driver, const std::string& css);
// The id of document.activeElement ('' if none).
std::string activeId(WebDriver& driver);

// Where the browser is and the start of the page text, for failure messages.
std::string describePage(WebDriver& driver);

bool waitForPath(WebDriver& driver, const std::string& path,
                 std::chrono::milliseconds timeout = std::chrono::seconds(10));
bool waitShown(WebDriver& driver, const std::string& css,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));

// Sets the value of an <input>/<select>/<textarea> from script and fires input and change —
// for date inputs and selects, whose typing behaviour depends on the browser's locale.
void setValue(WebDriver& driver, const std::string& css, const std::string& value);
// Sets a checkbox to `checked` (fires change when it flips).
void setChecked(WebDriver& driver, const std::string& css, bool checked);

// A new random address "<prefix>-<hex>@example.com".
std::string freshAddress(const std::string& prefix);

// A random 17-character VIN (ISO 3779 alphabet, no check digit: pre-1981 rules do not apply
// to the API's default, which accepts any VIN of the alphabet).
std::string randomVin();

// The value of this browser's session cookie (HttpOnly, read through WebDriver), '' if none.
std::string sessionToken(WebDriver& driver);

// A request through the page's own session (cookie + the CSRF token the page keeps).
struct InPageReply {
    int status = 0;
    std::string body;
};
InPageReply sendInPage(WebDriver& driver, const std::string& method, const std::string& path,
                       const std::string& body = "");
// POST `body` to `path` in the page; the new object's id, or "status <n>" when not 201.
std::string createInPage(WebDriver& driver, const std::string& path, const std::string& body);

// Forgets this browser's session: no session cookie, no CSRF token in sessionStorage.
void forgetSession(WebDriver& driver);

// Signs `address` in through /auth?next=<next> (code from the mail folder), accepts consent when
// asked and waits for `next`'s path. Requests one sign-in code. Throws std::runtime_error (with
// the page state) when a step fails.
void signInThroughPages(WebDriver& driver, const std::string& address, const std::string& next = "/app");

// Signs a new account in through /auth (code from the mail folder), accepts both consent
// documents and waits for /app. Returns the address. Throws std::runtime_error (with the page
// state) when a step fails. Requests one sign-in code (the per-IP limit is 10 per minute).
std::string signInFreshUser(WebDriver& driver, const std::string& prefix = "browser");

} // namespace ltc::browser
