// A small W3C WebDriver client for the browser tests: it starts its own chromedriver
// (Debian's /usr/bin/chromedriver driving /usr/bin/chromium, headless) and speaks
// WebDriver JSON over HTTP with cpp-httplib.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <sys/types.h>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace httplib {
class Client;
}

namespace ltc::browser {

// A WebDriver command failed: `error` is the W3C error code ("no such element", …).
class WebDriverError : public std::runtime_error {
public:
    WebDriverError(std::string error, const std::string& message)
        : std::runtime_error(error + ": " + message), error_(std::move(error)) {}
    const std::string& error() const noexcept { return error_; }

private:
    std::string error_;
};

// One entry of the browser console log (`POST /session/{id}/se/log`).
struct LogEntry {
    std::string level;  // "SEVERE", "WARNING", "INFO", "DEBUG"
    std::string source; // "javascript", "network", "security", …
    std::string message;
    long long timestamp = 0;
};

struct Element {
    std::string id; // the W3C element reference
};

// One cookie as WebDriver reports it (HttpOnly cookies included).
struct Cookie {
    std::string name;
    std::string value;
    std::string path;
    std::string domain;
    bool secure = false;
    bool http_only = false;
    std::string same_site; // "Strict", "Lax", "None" or empty
};

struct WebDriverOptions {
    std::string chromedriver = "/usr/bin/chromedriver";
    std::string chromium = "/usr/bin/chromium";
    int width = 375;
    int height = 800;
    // Emulate a phone screen of width × height (chromedriver's mobileEmulation.deviceMetrics).
    bool emulate_phone = true;
    // 0: LTC_CHROMEDRIVER_PORT if set, else the first free port in 19000-19099.
    int port = 0;
    std::chrono::seconds startup_timeout{20};
};

class WebDriver {
public:
    explicit WebDriver(WebDriverOptions options = {});
    ~WebDriver();
    WebDriver(const WebDriver&) = delete;
    WebDriver& operator=(const WebDriver&) = delete;

    void navigate(const std::string& url);
    std::string currentUrl();
    std::string title();

    // Throws WebDriverError("no such element") when nothing matches.
    Element find(const std::string& css);
    std::optional<Element> tryFind(const std::string& css);
    std::vector<Element> findAll(const std::string& css);
    Element activeElement();

    void click(const Element& element);
    void sendKeys(const Element& element, const std::string& text);
    std::string text(const Element& element);                           // rendered text
    std::optional<std::string> attribute(const Element& element, const std::string& name);
    std::optional<std::string> property(const Element& element, const std::string& name);

    // Runs `script` as a function body in the page (`return …;` for a result).
    Poco::Dynamic::Var execute(const std::string& script, Poco::JSON::Array::Ptr args = nullptr);

    // Polls `predicate` (exceptions count as false) until it holds or `timeout` passes.
    bool waitUntil(const std::function<bool()>& predicate,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10),
                   std::chrono::milliseconds interval = std::chrono::milliseconds(100));

    // Waits for document.readyState == "complete".
    bool waitForLoad(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // The cookies the current page's URL would send; deleteAllCookies() clears the current domain's.
    std::vector<Cookie> cookies();
    void deleteAllCookies();

    // A PNG of the viewport, base64-encoded (for debugging a failed test).
    std::string screenshotBase64();

    // The console entries since the last call (chromedriver drains the log on every read).
    std::vector<LogEntry> browserLog();

    int port() const noexcept { return port_; }

private:
    Poco::Dynamic::Var command(const std::string& method, const std::string& path,
                               const Poco::JSON::Object::Ptr& body = nullptr);
    Poco::Dynamic::Var sessionCommand(const std::string& method, const std::string& path,
                                      const Poco::JSON::Object::Ptr& body = nullptr);
    void startDriver();
    void createSession();
    void stop() noexcept;

    WebDriverOptions options_;
    int port_ = 0;
    pid_t driver_pid_ = -1;
    std::string temp_dir_;
    std::string session_id_;
    std::unique_ptr<httplib::Client> http_;
};

// The entries that count as console errors.
std::vector<LogEntry> severeEntries(const std::vector<LogEntry>& entries);

// "LEVEL source: message" per line, for test messages.
std::string describe(const std::vector<LogEntry>& entries);

} // namespace ltc::browser
