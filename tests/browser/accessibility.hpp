// WCAG 2.1 AA checks with axe-core: the pinned npm package that `make deps` fetches into
// build/axe/axe.min.js (scripts/fetch-axe.sh), injected into the page under test.
#pragma once
#include <string>
#include <vector>

#include "webdriver.hpp"

namespace ltc::browser {

// Runs axe-core in the current page for the tags wcag2a, wcag2aa, wcag21a and wcag21aa; one line
// per violation: "rule (impact): help — target, target, …".
std::vector<std::string> axeViolations(WebDriver& driver);

// Fails the current test (naming `where`) for every violation of the current page.
void checkAccessible(WebDriver& driver, const std::string& where);

}  // namespace ltc::browser
