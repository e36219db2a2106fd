#include "browser_env.hpp"

#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <thread>

namespace ltc::browser {
namespace {
std::unique_ptr<WebDriver>& sharedSlot() {
    static std::unique_ptr<WebDriver> driver;
    return driver;
}

constexpr auto kSettle = std::chrono::milliseconds(400);
} // namespace

std::string baseUrl() {
    const char* value = std::getenv("LTC_BASE_URL");
    std::string url = value && *value ? value : "https://127.0.0.1:18443";
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

WebDriver& sharedDriver() {
    auto& slot = sharedSlot();
    if (!slot) slot = std::make_unique<WebDriver>();
    return *slot;
}

void stopSharedDriver() noexcept { sharedSlot().reset(); }

std::vector<LogEntry> consoleErrors(WebDriver& driver) {
    std::this_thread::sleep_for(kSettle);
    return severeEntries(driver.browserLog());
}

std::vector<LogEntry> openPage(WebDriver& driver, const std::string& path) {
    driver.browserLog(); // discard what earlier pages logged
    driver.navigate(baseUrl() + path);
    if (!driver.waitForLoad()) throw std::runtime_error("page did not finish loading: " + path);
    return consoleErrors(driver);
}

std::string pathOf(const std::string& url) {
    std::string rest = url;
    if (const auto scheme = rest.find("://"); scheme != std::string::npos) {
        const auto slash = rest.find('/', scheme + 3);
        rest = slash == std::string::npos ? "/" : rest.substr(slash);
    }
    if (const auto end = rest.find_first_of("?#"); end != std::string::npos) rest.erase(end);
    return rest;
}

Widths pageWidths(WebDriver& driver) {
    Widths widths;
    widths.scroll_width = driver.execute("return document.documentElement.scrollWidth;").convert<int>();
    widths.inner_width = driver.execute("return window.innerWidth;").convert<int>();
    return widths;
}

} // namespace ltc::browser
