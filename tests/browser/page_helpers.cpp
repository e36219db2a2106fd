#include "page_helpers.hpp"

#include <cstdint>
#include <random>
#include <sstream>
#include <stdexcept>

#include <Poco/JSON/Array.h>

#include "mail_dir.hpp"

namespace ltc::browser {
namespace {

Poco::JSON::Array::Ptr argList(const std::string& arg) {
    auto args = Poco::makeShared<Poco::JSON::Array>();
    args->add(arg);
    return args;
}

[[noreturn]] void stepFailed(WebDriver& driver, const std::string& what) {
    throw std::runtime_error("sign-in: " + what + "; " + describePage(driver));
}

} // namespace

std::string evalString(WebDriver& driver, const std::string& script, const std::string& arg) {
    return driver.execute(script, argList(arg)).convert<std::string>();
}

bool evalBool(WebDriver& driver, const std::string& script, const std::string& arg) {
    return driver.execute(script, argList(arg)).convert<bool>();
}

int evalInt(WebDriver& driver, const std::string& script, const std::string& arg) {
    return driver.execute(script, argList(arg)).convert<int>();
}

bool isShown(WebDriver& driver, const std::string& css) {
    return evalBool(driver,
                    "const e = document.querySelector(arguments[0]);"
                    "return !!e && !e.closest('[hidden]') && e.getClientRects().length > 0;",
                    css);
}

std::string textAt(WebDriver& driver, const std::string& css) {
    return evalString(driver,
                      "const e = document.querySelector(arguments[0]);"
                      "return e ? e.textContent.replace(/\\s+/g, ' ').trim() : '';",
                      css);
}

int countOf(WebDriver& driver, const std::string& css) {
    return evalInt(driver, "return document.querySelectorAll(arguments[0]).length;", css);
}

std::string activeId(WebDriver& driver) {
    return evalString(driver, "const a = document.activeElement; return a && a.id ? a.id : '';");
}

std::string describePage(WebDriver& driver) {
    try {
        return "at " + driver.currentUrl() + "; page text: " +
               evalString(driver,
                          "return document.body ? document.body.innerText.replace(/\\s+/g, ' ').slice(0, 600) : '';");
    } catch (const std::exception& e) {
        return std::string("(page state unavailable: ") + e.what() + ")";
    }
}

bool waitForPath(WebDriver& driver, const std::string& path, std::chrono::milliseconds timeout) {
    return driver.waitUntil([&] { return pathOf(driver.currentUrl()) == path; }, timeout) && driver.waitForLoad();
}

bool waitShown(WebDriver& driver, const std::string& css, std::chrono::milliseconds timeout) {
    return driver.waitUntil([&] { return isShown(driver, css); }, timeout);
}

void setValue(WebDriver& driver, const std::string& css, const std::string& value) {
    auto args = Poco::makeShared<Poco::JSON::Array>();
    args->add(css);
    args->add(value);
    const bool found = driver
                           .execute("const e = document.querySelector(arguments[0]); if (!e) return false;"
                                    "e.focus(); e.value = arguments[1];"
                                    "e.dispatchEvent(new Event('input', { bubbles: true }));"
                                    "e.dispatchEvent(new Event('change', { bubbles: true }));"
                                    "return e.value === arguments[1];",
                                    args)
                           .convert<bool>();
    if (!found) throw std::runtime_error("setValue: no element or value refused for " + css + " = " + value);
}

void setChecked(WebDriver& driver, const std::string& css, bool checked) {
    const Element box = driver.find(css);
    const bool now = driver.property(box, "checked").value_or("") == "true";
    if (now != checked) driver.click(box);
}

std::string freshAddress(const std::string& prefix) {
    std::random_device device;
    std::mt19937_64 generator((static_cast<std::uint64_t>(device()) << 32) ^ device());
    std::ostringstream out;
    out << prefix << "-" << std::hex << generator() << "@example.com";
    return out.str();
}

std::string signInFreshUser(WebDriver& driver, const std::string& prefix) {
    // A clean start: no session cookie and no CSRF token from an earlier test in this browser.
    openPage(driver, "/");
    driver.deleteAllCookies();
    driver.execute("window.sessionStorage.clear();");

    const std::string address = freshAddress(prefix);
    openPage(driver, "/auth?next=%2Fapp");
    if (!waitShown(driver, "#step-email")) stepFailed(driver, "the e-mail step is not shown");
    driver.sendKeys(driver.find("#email"), address);
    driver.click(driver.find("#request-submit"));
    if (!waitShown(driver, "#step-code")) stepFailed(driver, "the code step did not appear");

    const auto code = waitForLoginCode(address);
    if (!code) stepFailed(driver, "no mail with a login code for " + address + " in " + mailDir());
    driver.sendKeys(driver.find("#code"), *code);
    driver.click(driver.find("#verify-submit"));

    // A new account has not accepted the terms yet: /app sends it on to /consent.
    if (!waitForPath(driver, "/consent")) stepFailed(driver, "after the code the browser is not on /consent");
    if (!waitShown(driver, "#consent-form")) stepFailed(driver, "the consent form did not appear");
    for (const auto& box : driver.findAll("#doc-list input[type=checkbox]")) {
        if (driver.property(box, "checked").value_or("") != "true") driver.click(box);
    }
    const Element submit = driver.find("#consent-submit");
    if (!driver.waitUntil([&] { return driver.property(submit, "disabled").value_or("") == "false"; },
                          std::chrono::seconds(2))) {
        stepFailed(driver, "Zustimmen stays disabled with every box ticked");
    }
    driver.click(submit);
    if (!waitForPath(driver, "/app")) stepFailed(driver, "after Zustimmen the browser is not on /app");
    return address;
}

} // namespace ltc::browser
