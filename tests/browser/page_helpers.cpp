#include "page_helpers.hpp"

#include <cctype>
#include <cstdint>
#include <random>
#include <sstream>
#include <stdexcept>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

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

std::string randomVin() {
    static const std::string alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";  // ISO 3779: no I, O, Q
    std::mt19937 generator(std::random_device{}());
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string vin;
    for (int i = 0; i < 17; ++i) vin.push_back(alphabet[pick(generator)]);
    return vin;
}

std::string sessionToken(WebDriver& driver) {
    for (const auto& cookie : driver.cookies()) {
        if (cookie.name == "__Host-ltc_session") return cookie.value;
    }
    return {};
}

InPageReply sendInPage(WebDriver& driver, const std::string& method, const std::string& path, const std::string& body) {
    const std::string answer = evalString(driver,
                                          "const a = arguments[0], i = a.indexOf('\\n'), j = a.indexOf('\\n', i + 1);"
                                          "const method = a.slice(0, i), path = a.slice(i + 1, j), body = a.slice(j + 1);"
                                          "const x = new XMLHttpRequest(); x.open(method, path, false);"
                                          "x.setRequestHeader('Content-Type', 'application/json');"
                                          "x.setRequestHeader('X-CSRF-Token', sessionStorage.getItem('ltc.csrf') || '');"
                                          "x.send(body === '' ? null : body); return x.status + '\\n' + x.responseText;",
                                          method + "\n" + path + "\n" + body);
    const auto newline = answer.find('\n');
    return {std::stoi(answer.substr(0, newline)), answer.substr(newline + 1)};
}

std::string createInPage(WebDriver& driver, const std::string& path, const std::string& body) {
    const InPageReply reply = sendInPage(driver, "POST", path, body);
    if (reply.status != 201) return "status " + std::to_string(reply.status);
    return Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("id");
}

void signInThroughPages(WebDriver& driver, const std::string& address, const std::string& next) {
    std::string encoded_next;
    for (const char c : next) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') encoded_next += c;
        else {
            static const char hex[] = "0123456789ABCDEF";
            encoded_next += '%';
            encoded_next += hex[static_cast<unsigned char>(c) >> 4];
            encoded_next += hex[static_cast<unsigned char>(c) & 15];
        }
    }
    openPage(driver, "/auth?next=" + encoded_next);
    if (!waitShown(driver, "#step-email")) stepFailed(driver, "the e-mail step is not shown");
    const auto previous = latestLoginCode(mailDir(), address);  // of an earlier sign-in, if any
    driver.sendKeys(driver.find("#email"), address);
    driver.click(driver.find("#request-submit"));
    if (!waitShown(driver, "#step-code")) stepFailed(driver, "the code step did not appear");

    const auto code = waitForLoginCode(address, std::chrono::seconds(10), previous);
    if (!code) stepFailed(driver, "no mail with a login code for " + address + " in " + mailDir());
    driver.sendKeys(driver.find("#code"), *code);
    driver.click(driver.find("#verify-submit"));

    const std::string next_path = next.substr(0, next.find_first_of("?#"));
    if (!driver.waitUntil([&] { return pathOf(driver.currentUrl()) != "/auth"; })) {
        stepFailed(driver, "after the code the browser is still on /auth");
    }
    // An account that has not accepted the current terms is sent on to /consent by the page it
    // lands on; one that has stays there.
    const bool asked = driver.waitUntil([&] { return pathOf(driver.currentUrl()) == "/consent"; }, std::chrono::seconds(3));
    if (!asked) {
        if (!waitForPath(driver, next_path)) stepFailed(driver, "after the code the browser is not on " + next_path);
        return;
    }
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
    if (!waitForPath(driver, next_path)) stepFailed(driver, "after Zustimmen the browser is not on " + next_path);
}

void forgetSession(WebDriver& driver) {
    openPage(driver, "/");
    driver.deleteAllCookies();
    driver.execute("window.sessionStorage.clear();");
}

std::string signInFreshUser(WebDriver& driver, const std::string& prefix) {
    forgetSession(driver);  // a clean start: nothing from an earlier test in this browser

    const std::string address = freshAddress(prefix);
    signInThroughPages(driver, address, "/app");
    return address;
}

} // namespace ltc::browser
