// Backup codes: count, distinctness, format, entropy and normalisation of user input.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <regex>
#include <set>
#include <string>

#include "totp/backup_codes.hpp"
#include "totp/base32.hpp"

using namespace ltc::totp;

BOOST_AUTO_TEST_SUITE(backup_codes)

BOOST_AUTO_TEST_CASE(ten_distinct_codes_in_display_format) {
    const auto codes = generate_backup_codes();
    BOOST_TEST(codes.size() == 10u);
    BOOST_TEST(std::set<std::string>(codes.begin(), codes.end()).size() == 10u);
    const std::regex format("^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$");
    for (const auto& code : codes) {
        BOOST_TEST(std::regex_match(code, format), code);
        BOOST_TEST(code.size() == 29u);
        BOOST_TEST(is_backup_code_format(normalize_backup_code(code)));
        // Decodes back to 15 bytes.
        BOOST_TEST(base32_decode(normalize_backup_code(code)).value_or("").size() == 15u);
    }
    // Two batches do not share a code.
    const auto again = generate_backup_codes();
    std::set<std::string> all(codes.begin(), codes.end());
    all.insert(again.begin(), again.end());
    BOOST_TEST(all.size() == 20u);
    BOOST_TEST(generate_backup_codes(3).size() == 3u);
}

BOOST_AUTO_TEST_CASE(entropy_at_least_112_bits) {
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const std::string code = normalize_backup_code(generate_backup_codes(1).front());
    const double bits = static_cast<double>(code.size()) * std::log2(static_cast<double>(alphabet.size()));
    BOOST_TEST(bits >= 112.0);
    BOOST_TEST(bits == 120.0);
    BOOST_TEST(kBackupCodeBytes * 8 >= 112u);
    // Every character position varies across many codes (a crude check that all 120 bits are random).
    const auto many = generate_backup_codes(200);
    for (std::size_t pos = 0; pos < 29; ++pos) {
        if (pos % 5 == 4) continue;  // dash positions
        std::set<char> seen;
        for (const auto& c : many) seen.insert(c[pos]);
        BOOST_TEST(seen.size() > 16u, "position " << pos);
    }
}

BOOST_AUTO_TEST_CASE(normalisation) {
    BOOST_TEST(normalize_backup_code("abcd-efgh-ijkl-mnop-qrst-uvwx") == "ABCDEFGHIJKLMNOPQRSTUVWX");
    BOOST_TEST(normalize_backup_code(" AbCd EfGh-IJKL--mnop\tqrst uvwx\n") ==
               "ABCDEFGHIJKLMNOPQRSTUVWX");
    BOOST_TEST(normalize_backup_code("") == "");
    BOOST_TEST(normalize_backup_code("a2-b7") == "A2B7");
    // Non-ASCII and other characters are kept, so the format check refuses them.
    BOOST_TEST(normalize_backup_code("abcä") == "ABCä");
}

BOOST_AUTO_TEST_CASE(format_check) {
    BOOST_TEST(is_backup_code_format("ABCDEFGHIJKLMNOPQRSTUVWX"));
    BOOST_TEST(is_backup_code_format("234567ABCDEFGHIJKLMNOPQR"));
    BOOST_TEST(!is_backup_code_format("ABCDEFGHIJKLMNOPQRSTUVW"));    // 23
    BOOST_TEST(!is_backup_code_format("ABCDEFGHIJKLMNOPQRSTUVWXY"));  // 25
    BOOST_TEST(!is_backup_code_format("ABCDEFGHIJKLMNOPQRSTUVW1"));   // '1' not base32
    BOOST_TEST(!is_backup_code_format("ABCDEFGHIJKLMNOPQRSTUVW0"));
    BOOST_TEST(!is_backup_code_format("abcdefghijklmnopqrstuvwx"));   // not normalised
    BOOST_TEST(!is_backup_code_format("ABCD-EFGH-IJKL-MNOP-QRST-UVWX"));
    BOOST_TEST(!is_backup_code_format("123456"));                     // a TOTP code
    BOOST_TEST(format_backup_code("ABCDEFGHIJKLMNOPQRSTUVWX") == "ABCD-EFGH-IJKL-MNOP-QRST-UVWX");
}

BOOST_AUTO_TEST_SUITE_END()
