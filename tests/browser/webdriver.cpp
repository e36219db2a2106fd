#include "webdriver.hpp"

#include <httplib.h>

#include <Poco/JSON/Parser.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ltc::browser {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";
constexpr int kFirstPort = 19000;
constexpr int kLastPort = 19099;

std::string stringify(const Object::Ptr& object) {
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

Object::Ptr objectOf(const Var& value) {
    if (value.isEmpty() || value.type() != typeid(Object::Ptr)) return nullptr;
    return value.extract<Object::Ptr>();
}

Array::Ptr arrayOf(const Var& value) {
    if (value.isEmpty() || value.type() != typeid(Array::Ptr)) return nullptr;
    return value.extract<Array::Ptr>();
}

std::string stringOf(const Object::Ptr& object, const std::string& key) {
    if (!object || !object->has(key)) return {};
    const Var value = object->get(key);
    return value.isEmpty() ? std::string{} : value.convert<std::string>();
}

bool portIsFree(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return free;
}

int portFromEnvironment() {
    const char* value = std::getenv("LTC_CHROMEDRIVER_PORT");
    if (!value || !*value) return 0;
    const int port = std::atoi(value);
    if (port <= 0 || port > 65535) throw std::runtime_error("LTC_CHROMEDRIVER_PORT is not a port number");
    return port;
}

std::string makeTempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/ltc-browser-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data())) {
        throw std::runtime_error(std::string("mkdtemp failed: ") + std::strerror(errno));
    }
    return buffer.data();
}

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string urlEncodeSegment(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

} // namespace

WebDriver::WebDriver(WebDriverOptions options) : options_(std::move(options)) {
    temp_dir_ = makeTempDir();
    try {
        startDriver();
        createSession();
    } catch (...) {
        stop();
        throw;
    }
}

WebDriver::~WebDriver() { stop(); }

void WebDriver::startDriver() {
    const int fixed = options_.port != 0 ? options_.port : portFromEnvironment();
    const std::string log_path = temp_dir_ + "/chromedriver.log";
    std::string last_failure = "no free port in 19000-19099";

    for (int candidate = fixed != 0 ? fixed : kFirstPort; candidate <= (fixed != 0 ? fixed : kLastPort); ++candidate) {
        if (fixed == 0 && !portIsFree(candidate)) continue;

        const std::string port_arg = "--port=" + std::to_string(candidate);
        const pid_t pid = ::fork();
        if (pid < 0) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
        if (pid == 0) {
            // Child: chromedriver dies with the test process; its output goes to the temp dir.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            const int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (log_fd >= 0) {
                ::dup2(log_fd, STDOUT_FILENO);
                ::dup2(log_fd, STDERR_FILENO);
                ::close(log_fd);
            }
            const int null_fd = ::open("/dev/null", O_RDONLY);
            if (null_fd >= 0) {
                ::dup2(null_fd, STDIN_FILENO);
                ::close(null_fd);
            }
            std::array<char*, 3> argv{const_cast<char*>(options_.chromedriver.c_str()),
                                      const_cast<char*>(port_arg.c_str()), nullptr};
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        driver_pid_ = pid;
        port_ = candidate;
        http_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
        http_->set_connection_timeout(std::chrono::seconds(2));
        http_->set_read_timeout(std::chrono::seconds(120));
        http_->set_write_timeout(std::chrono::seconds(30));

        const auto deadline = std::chrono::steady_clock::now() + options_.startup_timeout;
        bool exited = false;
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (::waitpid(driver_pid_, &status, WNOHANG) == driver_pid_) {
                exited = true;
                driver_pid_ = -1;
                break;
            }
            if (auto res = http_->Get("/status"); res && res->status == 200) {
                try {
                    Poco::JSON::Parser parser;
                    const auto value = objectOf(objectOf(parser.parse(res->body))->get("value"));
                    if (value && value->has("ready") && value->getValue<bool>("ready")) return;
                } catch (const Poco::Exception&) {
                    // not ready yet
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        last_failure = (exited ? "chromedriver exited on port " : "chromedriver not ready on port ") +
                       std::to_string(candidate) + ":\n" + readFile(log_path);
        if (!exited) {
            stop();
            throw std::runtime_error(last_failure);
        }
        // Exited early (probably a port race): try the next port unless one was fixed.
    }
    throw std::runtime_error(last_failure);
}

void WebDriver::createSession() {
    auto args = Poco::makeShared<Array>();
    for (const std::string& arg :
         {std::string("--headless"), std::string("--no-sandbox"), std::string("--disable-gpu"),
          std::string("--disable-background-networking"), std::string("--disable-component-update"),
          std::string("--disable-sync"), std::string("--no-first-run"), std::string("--disable-quic"),
          // chromedriver talks to Chromium over a pipe: no extra DevTools port is opened.
          std::string("--remote-debugging-pipe"),
          std::string("--window-size=") + std::to_string(options_.width) + "," + std::to_string(options_.height),
          std::string("--user-data-dir=") + temp_dir_ + "/profile"}) {
        args->add(arg);
    }
    auto chrome = Poco::makeShared<Object>();
    chrome->set("binary", options_.chromium);
    chrome->set("args", args);
    if (options_.emulate_phone) {
        // New headless Chromium keeps windows at least 500 px wide; device metrics give the
        // page the real phone viewport (and honour <meta name="viewport">).
        auto metrics = Poco::makeShared<Object>();
        metrics->set("width", options_.width);
        metrics->set("height", options_.height);
        metrics->set("pixelRatio", 1.0);
        metrics->set("touch", true);
        auto emulation = Poco::makeShared<Object>();
        emulation->set("deviceMetrics", metrics);
        chrome->set("mobileEmulation", emulation);
    }

    auto logging = Poco::makeShared<Object>();
    logging->set("browser", "ALL");

    auto always = Poco::makeShared<Object>();
    always->set("browserName", "chrome");
    always->set("acceptInsecureCerts", true);
    always->set("goog:chromeOptions", chrome);
    always->set("goog:loggingPrefs", logging);

    auto capabilities = Poco::makeShared<Object>();
    capabilities->set("alwaysMatch", always);
    auto body = Poco::makeShared<Object>();
    body->set("capabilities", capabilities);

    const auto value = objectOf(command("POST", "/session", body));
    session_id_ = stringOf(value, "sessionId");
    if (session_id_.empty()) throw WebDriverError("session not created", "no sessionId in the answer");
}

void WebDriver::stop() noexcept {
    if (!session_id_.empty() && http_) {
        try {
            command("DELETE", "/session/" + session_id_);
        } catch (...) {
            // the browser is gone already; chromedriver is stopped below anyway
        }
        session_id_.clear();
    }
    if (driver_pid_ > 0) {
        ::kill(driver_pid_, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        int status = 0;
        while (::waitpid(driver_pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() >= deadline) {
                ::kill(driver_pid_, SIGKILL);
                ::waitpid(driver_pid_, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        driver_pid_ = -1;
    }
    http_.reset();
    if (!temp_dir_.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(temp_dir_, ignored);
        temp_dir_.clear();
    }
}

Var WebDriver::command(const std::string& method, const std::string& path, const Object::Ptr& body) {
    if (!http_) throw WebDriverError("transport", "chromedriver is not running");
    httplib::Result res{nullptr, httplib::Error::Unknown};
    if (method == "GET") {
        res = http_->Get(path.c_str());
    } else if (method == "DELETE") {
        res = http_->Delete(path.c_str());
    } else if (method == "POST") {
        res = http_->Post(path.c_str(), body ? stringify(body) : std::string("{}"), "application/json");
    } else {
        throw std::invalid_argument("unsupported WebDriver method " + method);
    }
    if (!res) {
        throw WebDriverError("transport", method + " " + path + " failed (httplib error " +
                                              std::to_string(static_cast<int>(res.error())) + ")");
    }
    Var value;
    try {
        Poco::JSON::Parser parser;
        const auto answer = objectOf(parser.parse(res->body));
        if (answer && answer->has("value")) value = answer->get("value");
    } catch (const Poco::Exception& e) {
        throw WebDriverError("invalid answer", method + " " + path + ": " + e.displayText());
    }
    if (res->status != 200) {
        const auto error = objectOf(value);
        const std::string code = stringOf(error, "error");
        throw WebDriverError(code.empty() ? "http " + std::to_string(res->status) : code,
                             method + " " + path + ": " + stringOf(error, "message"));
    }
    return value;
}

Var WebDriver::sessionCommand(const std::string& method, const std::string& path, const Object::Ptr& body) {
    return command(method, "/session/" + session_id_ + path, body);
}

void WebDriver::navigate(const std::string& url) {
    auto body = Poco::makeShared<Object>();
    body->set("url", url);
    sessionCommand("POST", "/url", body);
}

std::string WebDriver::currentUrl() { return sessionCommand("GET", "/url").convert<std::string>(); }

std::string WebDriver::title() { return sessionCommand("GET", "/title").convert<std::string>(); }

namespace {
Element elementOf(const Var& value) {
    const auto object = objectOf(value);
    const std::string id = stringOf(object, kElementKey);
    if (id.empty()) throw WebDriverError("invalid answer", "not an element reference");
    return Element{id};
}
} // namespace

Element WebDriver::find(const std::string& css) {
    auto body = Poco::makeShared<Object>();
    body->set("using", "css selector");
    body->set("value", css);
    return elementOf(sessionCommand("POST", "/element", body));
}

std::optional<Element> WebDriver::tryFind(const std::string& css) {
    try {
        return find(css);
    } catch (const WebDriverError& e) {
        if (e.error() == "no such element") return std::nullopt;
        throw;
    }
}

std::vector<Element> WebDriver::findAll(const std::string& css) {
    auto body = Poco::makeShared<Object>();
    body->set("using", "css selector");
    body->set("value", css);
    std::vector<Element> out;
    if (const auto items = arrayOf(sessionCommand("POST", "/elements", body))) {
        for (std::size_t i = 0; i < items->size(); ++i) out.push_back(elementOf(items->get(static_cast<unsigned>(i))));
    }
    return out;
}

Element WebDriver::activeElement() { return elementOf(sessionCommand("GET", "/element/active")); }

void WebDriver::click(const Element& element) { sessionCommand("POST", "/element/" + element.id + "/click"); }

void WebDriver::sendKeys(const Element& element, const std::string& text) {
    auto body = Poco::makeShared<Object>();
    body->set("text", text);
    sessionCommand("POST", "/element/" + element.id + "/value", body);
}

std::string WebDriver::text(const Element& element) {
    return sessionCommand("GET", "/element/" + element.id + "/text").convert<std::string>();
}

std::optional<std::string> WebDriver::attribute(const Element& element, const std::string& name) {
    const Var value = sessionCommand("GET", "/element/" + element.id + "/attribute/" + urlEncodeSegment(name));
    if (value.isEmpty()) return std::nullopt;
    return value.convert<std::string>();
}

std::optional<std::string> WebDriver::property(const Element& element, const std::string& name) {
    const Var value = sessionCommand("GET", "/element/" + element.id + "/property/" + urlEncodeSegment(name));
    if (value.isEmpty()) return std::nullopt;
    return value.convert<std::string>();
}

Var WebDriver::execute(const std::string& script, Array::Ptr args) {
    auto body = Poco::makeShared<Object>();
    body->set("script", script);
    body->set("args", args ? args : Poco::makeShared<Array>());
    return sessionCommand("POST", "/execute/sync", body);
}

bool WebDriver::waitUntil(const std::function<bool()>& predicate, std::chrono::milliseconds timeout,
                          std::chrono::milliseconds interval) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        try {
            if (predicate()) return true;
        } catch (const std::exception&) {
            // e.g. the page is navigating: try again
        }
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(interval);
    }
}

bool WebDriver::waitForLoad(std::chrono::milliseconds timeout) {
    return waitUntil([this] { return execute("return document.readyState;").convert<std::string>() == "complete"; },
                     timeout);
}

std::vector<Cookie> WebDriver::cookies() {
    std::vector<Cookie> out;
    const auto items = arrayOf(sessionCommand("GET", "/cookie"));
    if (!items) return out;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto item = items->getObject(static_cast<unsigned>(i));
        if (!item) continue;
        Cookie cookie;
        cookie.name = stringOf(item, "name");
        cookie.value = stringOf(item, "value");
        cookie.path = stringOf(item, "path");
        cookie.domain = stringOf(item, "domain");
        cookie.secure = item->has("secure") && item->get("secure").convert<bool>();
        cookie.http_only = item->has("httpOnly") && item->get("httpOnly").convert<bool>();
        cookie.same_site = stringOf(item, "sameSite");
        out.push_back(std::move(cookie));
    }
    return out;
}

void WebDriver::deleteAllCookies() { sessionCommand("DELETE", "/cookie"); }

std::string WebDriver::screenshotBase64() { return sessionCommand("GET", "/screenshot").convert<std::string>(); }

std::vector<LogEntry> WebDriver::browserLog() {
    auto body = Poco::makeShared<Object>();
    body->set("type", "browser");
    std::vector<LogEntry> out;
    const auto items = arrayOf(sessionCommand("POST", "/se/log", body));
    if (!items) return out;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto item = items->getObject(static_cast<unsigned>(i));
        if (!item) continue;
        LogEntry entry;
        entry.level = stringOf(item, "level");
        entry.source = stringOf(item, "source");
        entry.message = stringOf(item, "message");
        if (item->has("timestamp")) entry.timestamp = item->get("timestamp").convert<long long>();
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<LogEntry> severeEntries(const std::vector<LogEntry>& entries) {
    std::vector<LogEntry> out;
    for (const auto& entry : entries) {
        if (entry.level == "SEVERE") out.push_back(entry);
    }
    return out;
}

std::string describe(const std::vector<LogEntry>& entries) {
    std::string out;
    for (const auto& entry : entries) {
        out += entry.level + " " + entry.source + ": " + entry.message + "\n";
    }
    return out;
}

} // namespace ltc::browser
