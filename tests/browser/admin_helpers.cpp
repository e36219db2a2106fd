#include "admin_helpers.hpp"

#include <httplib.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <sys/wait.h>

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "mail_dir.hpp"
#include "browser_env.hpp"
#include "page_helpers.hpp"
#include "totp/base32.hpp"
#include "totp/totp.hpp"

namespace ltc::browser {
namespace {

std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// 127.1.0.0 – 127.254.255.254: a loopback source address of its own (never 127.0.0.1).
std::string randomLoopback() {
    static std::mt19937 generator{std::random_device{}()};
    std::uniform_int_distribution<int> second(1, 254);
    std::uniform_int_distribution<int> part(0, 255);
    std::uniform_int_distribution<int> last(1, 254);
    return "127." + std::to_string(second(generator)) + "." + std::to_string(part(generator)) + "." +
           std::to_string(last(generator));
}

Poco::JSON::Object::Ptr parseObject(const std::string& body) {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

} // namespace

std::string repoRoot() {
    const char* root = std::getenv("LTC_ROOT");
    return root && *root ? root : std::filesystem::current_path().string();
}

void createAdmin(const std::string& address, const std::string& role) {
    const std::string command = shellQuote(repoRoot() + "/scripts/ltc-local.sh") + " create-admin --email " +
                                shellQuote(address) + " --role " + shellQuote(role) + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("create-admin: cannot run " + command);
    std::string output;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) output += buffer.data();
    const int status = ::pclose(pipe);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw std::runtime_error("create-admin failed (" + command + "): " + output);
    }
}

bool waitForMailTo(const std::string& address, std::chrono::milliseconds timeout) {
    const std::string wanted = "to: " + lower(address);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(mailDir(), error)) {
            if (entry.path().extension() != ".eml") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            for (std::string line; std::getline(in, line);) {
                if (line.empty() || line == "\r") break; // end of the headers
                if (lower(line).find(wanted) == 0) return true;
            }
        }
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

std::string signInThroughApi(const std::string& address) { return signInSessionThroughApi(address).user_id; }

ApiSession signInSessionThroughApi(const std::string& address) {
    httplib::Client client(baseUrl());
    client.enable_server_certificate_verification(false);
    client.set_connection_timeout(std::chrono::seconds(5));
    client.set_read_timeout(std::chrono::seconds(10));
    client.set_interface(randomLoopback());

    Poco::JSON::Object request;
    request.set("email", address);
    std::ostringstream request_body;
    request.stringify(request_body);
    const auto previous = latestLoginCode(mailDir(), address);  // of an earlier sign-in, if any
    const auto requested = client.Post("/api/auth/request", request_body.str(), "application/json");
    if (!requested || requested->status != 202) {
        throw std::runtime_error("API sign-in: /api/auth/request answered " +
                                 (requested ? std::to_string(requested->status) + " " + requested->body : "nothing"));
    }
    const std::string challenge = parseObject(requested->body)->getValue<std::string>("challenge_id");
    const auto code = waitForLoginCode(address, std::chrono::seconds(10), previous);
    if (!code) throw std::runtime_error("API sign-in: no login code for " + address + " in " + mailDir());

    Poco::JSON::Object verify;
    verify.set("challenge_id", challenge);
    verify.set("code", *code);
    verify.set("token_in_body", true);
    std::ostringstream verify_body;
    verify.stringify(verify_body);
    const auto verified = client.Post("/api/auth/verify", verify_body.str(), "application/json");
    if (!verified || verified->status != 200) {
        throw std::runtime_error("API sign-in: /api/auth/verify answered " +
                                 (verified ? std::to_string(verified->status) + " " + verified->body : "nothing"));
    }
    const auto answer = parseObject(verified->body);
    return {answer->getObject("user")->getValue<std::string>("id"), answer->getValue<std::string>("access_token")};
}

std::string totpCode(const std::string& secret, std::int64_t offset_seconds) {
    std::string compact;
    for (const char c : secret) {
        if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    }
    const auto bytes = ltc::totp::base32_decode(compact);
    if (!bytes) throw std::runtime_error("not a base32 TOTP secret: '" + secret + "'");
    return ltc::totp::totp_code(*bytes, static_cast<std::int64_t>(std::time(nullptr)) + offset_seconds);
}

long long stepUpRemainingMs(WebDriver& driver) {
    // WebDriver waits for a returned promise.
    const auto answer = driver.execute(
        "return fetch('/api/auth/me', { credentials: 'same-origin', cache: 'no-store' })"
        "  .then((r) => r.ok ? r.json() : Promise.reject(new Error('status ' + r.status)))"
        // step_up_until is given in whole seconds (truncated): up to one more second; at least 1
        // while there is one, so that 0 means none.
        "  .then((me) => me.step_up_until ? Math.max(1, Date.parse(me.step_up_until) + 1000 - Date.now()) : 0)"
        "  .catch((e) => 'error: ' + e.message);");
    if (answer.isString()) throw std::runtime_error("GET /api/auth/me in the page: " + answer.convert<std::string>());
    return answer.convert<long long>();
}

void screenshotIfWanted(WebDriver& driver, const std::string& name, const std::string& scroll_to) {
    const char* dir = std::getenv("LTC_SCREENSHOT_DIR");
    if (!dir || !*dir) return;
    if (!scroll_to.empty()) {
        auto args = Poco::makeShared<Poco::JSON::Array>();
        args->add(scroll_to);
        driver.execute("const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView();", args);
    }
    std::istringstream encoded(driver.screenshotBase64());
    Poco::Base64Decoder decoder(encoded);
    std::ofstream out(std::string(dir) + "/" + name + ".png", std::ios::binary);
    out << decoder.rdbuf();
}

namespace {
void require(bool ok, WebDriver& driver, const std::string& step) {
    if (!ok) throw std::runtime_error(step + " did not happen; " + describePage(driver));
}
} // namespace

std::string enrolAdminThroughPages(WebDriver& driver, const std::string& address) {
    return enrolAdminWithBackupCodes(driver, address).secret;
}

EnrolledAdmin enrolAdminWithBackupCodes(WebDriver& driver, const std::string& address) {
    openPage(driver, "/auth?next=%2Fadmin");
    require(waitShown(driver, "#step-email"), driver, "the e-mail step");
    driver.sendKeys(driver.find("#email"), address);
    driver.click(driver.find("#request-submit"));
    require(waitShown(driver, "#step-code"), driver, "the code step");
    const auto code = waitForLoginCode(address);
    require(code.has_value(), driver, "the login mail");
    driver.sendKeys(driver.find("#code"), *code);
    driver.click(driver.find("#verify-submit"));
    require(waitShown(driver, "#sf-enroll") && driver.waitUntil([&] { return !textAt(driver, "#enroll-secret").empty(); }),
            driver, "the TOTP enrolment");
    const std::string secret = textAt(driver, "#enroll-secret");
    driver.sendKeys(driver.find("#enroll-code"), totpCode(secret));
    driver.click(driver.find("#enroll-submit"));
    require(waitShown(driver, "#sf-backup"), driver, "the backup codes");
    EnrolledAdmin enrolled{secret, {}};
    for (int i = 1; i <= countOf(driver, "#backup-codes li"); ++i) {
        enrolled.backup_codes.push_back(textAt(driver, "#backup-codes li:nth-child(" + std::to_string(i) + ") code"));
    }
    setChecked(driver, "#backup-saved", true);
    driver.click(driver.find("#backup-continue"));
    require(waitForPath(driver, "/consent") && waitShown(driver, "#consent-form"), driver, "the consent page");
    for (const auto& box : driver.findAll("#doc-list input[type=checkbox]")) {
        if (driver.property(box, "checked").value_or("") != "true") driver.click(box);
    }
    const Element submit = driver.find("#consent-submit");
    require(driver.waitUntil([&] { return driver.property(submit, "disabled").value_or("") == "false"; }), driver,
            "the consent button");
    driver.click(submit);
    require(waitForPath(driver, "/admin") && waitShown(driver, "#admin-dashboard"), driver, "the dashboard");
    return enrolled;
}

bool confirmStepUp(WebDriver& driver, const std::string& code) {
    const auto open = [&] {
        return evalBool(driver, "const d = document.getElementById('step-up-dialog'); return !!d && d.open;");
    };
    if (!driver.waitUntil(open)) return false;
    const Element input = driver.find("#step-up-code");
    driver.click(input);
    driver.sendKeys(input, code);
    driver.click(driver.find("#step-up-submit"));
    return driver.waitUntil([&] { return !open(); });
}

void waitForStepUpToExpire(WebDriver& driver) {
    const long long remaining = stepUpRemainingMs(driver);
    require(remaining <= 60'000, driver,
            "a step-up that runs out (it still lasts " + std::to_string(remaining / 1000) +
                " s: run this test, label short_step_up, against a stack started with LTC_STEP_UP_TTL_SECONDS=2)");
    std::this_thread::sleep_for(std::chrono::milliseconds(remaining));
    require(driver.waitUntil([&] { return stepUpRemainingMs(driver) == 0; }, std::chrono::seconds(10),
                             std::chrono::milliseconds(250)),
            driver, "the end of the step-up");
}

} // namespace ltc::browser
