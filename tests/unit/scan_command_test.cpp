// The scanner contract of `ltc jobs scan` against the fake scanner (tests/fixtures): exit 0
// clean, 1 infected, anything else leaves the document pending.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "documents/scan_job.hpp"

using ltc::documents::run_scanner;

namespace {
std::string fake_scanner() {
    const char* root = std::getenv("LTC_ROOT");
    return std::string(root != nullptr ? root : ".") + "/tests/fixtures/fake-scanner.sh";
}

std::string write_temp(const std::string& name, const std::string& content) {
    const std::string path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(scan_command)

BOOST_AUTO_TEST_CASE(exit_codes_of_the_fake_scanner) {
    const std::chrono::seconds minute(60);
    const std::string clean = write_temp("ltc-scan-clean.pdf", "%PDF-1.4\n%%EOF\n");
    const std::string infected = write_temp(
        "ltc-scan-eicar.pdf", "%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n");
    BOOST_TEST(run_scanner(fake_scanner(), clean, minute) == 0);
    BOOST_TEST(run_scanner(fake_scanner(), infected, minute) == 1);
    BOOST_TEST(run_scanner(fake_scanner(), "/nonexistent/ltc-document", minute) == 2);
    BOOST_TEST(run_scanner("/nonexistent/scanner --fdpass", clean, minute) == -1);  // cannot start: unknown, stays pending
    BOOST_TEST(run_scanner("", clean, minute) == -1);
    // A hung scanner is killed at the deadline: unknown, the document stays pending.
    setenv("LTC_FAKE_SCANNER_SLEEP", "10", 1);
    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(run_scanner(fake_scanner(), clean, std::chrono::seconds(1)) == -1);
    BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(5)));
    unsetenv("LTC_FAKE_SCANNER_SLEEP");
    std::filesystem::remove(clean);
    std::filesystem::remove(infected);
}

BOOST_AUTO_TEST_SUITE_END()
