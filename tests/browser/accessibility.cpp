#include "accessibility.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "admin_helpers.hpp"

namespace ltc::browser {

namespace {
const std::string& axeSource() {
    static const std::string source = [] {
        const std::string path = repoRoot() + "/build/axe/axe.min.js";
        std::ifstream in(path);
        if (!in) throw std::runtime_error("axe-core is missing at " + path + " (run make deps)");
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }();
    return source;
}

// Every violation with its targets, as JSON text (WebDriver waits for the promise).
constexpr char run_axe[] =
    "return window.axe.run(document, {"
    "  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },"
    "  resultTypes: ['violations'] })"
    ".then((result) => JSON.stringify(result.violations.map((v) => ({"
    "  id: v.id, impact: v.impact || '', help: v.help,"
    "  targets: v.nodes.map((n) => n.target.join(' ')) }))));";
}  // namespace

std::vector<std::string> axeViolations(WebDriver& driver) {
    if (!driver.execute("return typeof window.axe === 'object';").convert<bool>()) {
        driver.execute(axeSource() + "\nreturn true;");
    }
    const std::string json = driver.execute(run_axe).convert<std::string>();
    const auto violations = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < violations->size(); ++i) {
        const auto violation = violations->getObject(static_cast<unsigned>(i));
        std::string line = violation->getValue<std::string>("id") + " (" + violation->getValue<std::string>("impact") +
                           "): " + violation->getValue<std::string>("help") + " —";
        const auto targets = violation->getArray("targets");
        for (std::size_t j = 0; j < targets->size(); ++j) line += " " + targets->getElement<std::string>(static_cast<unsigned>(j));
        lines.push_back(line);
    }
    return lines;
}

void checkAccessible(WebDriver& driver, const std::string& where) {
    for (const auto& violation : axeViolations(driver)) BOOST_ERROR("WCAG 2.1 AA on " << where << ": " << violation);
}

}  // namespace ltc::browser
