// What every browser test needs: the site's base URL, one shared browser, and page visits
// that report console errors.
#pragma once

#include <string>
#include <vector>

#include "webdriver.hpp"

namespace ltc::browser {

// The exact disclaimer from PRODUCT.md §1 (UTF-8).
inline constexpr const char* kDisclaimer =
    "Die Trust-Ampel bewertet ausschließlich die Dokumentations- und Nachweisqualität. "
    "Sie ist keine Aussage über den technischen Zustand des Fahrzeugs.";

// LTC_BASE_URL without a trailing slash (default https://127.0.0.1:18443).
std::string baseUrl();

// The browser shared by all tests, started on first use (375 × 800, headless).
WebDriver& sharedDriver();
void stopSharedDriver() noexcept;

// Opens baseUrl() + path, waits for the load and a short settling time, and returns the
// SEVERE console entries that appeared (entries from earlier pages are discarded first).
std::vector<LogEntry> openPage(WebDriver& driver, const std::string& path);

// SEVERE console entries since the last read, after a short settling time.
std::vector<LogEntry> consoleErrors(WebDriver& driver);

// The path of an absolute URL ("https://h:1/auth?x#y" → "/auth").
std::string pathOf(const std::string& url);

// document.documentElement.scrollWidth and window.innerWidth.
struct Widths {
    int scroll_width = 0;
    int inner_width = 0;
};
Widths pageWidths(WebDriver& driver);

} // namespace ltc::browser
