// CSPRNG helpers: lengths, alphabets, range and a crude uniformity check.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <array>
#include <chrono>
#include <set>

#include "crypto/random.hpp"

using namespace ltc::crypto;

BOOST_AUTO_TEST_SUITE(crypto_random)

BOOST_AUTO_TEST_CASE(bytes_length_and_variety) {
    BOOST_TEST(random_bytes(0).empty());
    BOOST_TEST(random_bytes(32).size() == 32u);
    BOOST_TEST(random_bytes(32) != random_bytes(32));
}

BOOST_AUTO_TEST_CASE(uuids_carry_their_version_and_the_time_ordered_ones_sort_by_time) {
    const std::string random = random_uuid();
    BOOST_TEST(random.size() == 36u);
    BOOST_TEST(random[14] == '4');
    BOOST_TEST(std::string("89ab").find(random[19]) != std::string::npos);
    // RFC 9562 appendix A.6's example time (2022-02-22 19:22:22 UTC = 0x017F22E279B0 ms).
    const std::string at = time_ordered_uuid(0x017F22E279B0);
    BOOST_TEST(at.substr(0, 13) == "017f22e2-79b0");
    BOOST_TEST(at[14] == '7');
    BOOST_TEST(std::string("89ab").find(at[19]) != std::string::npos);
    BOOST_TEST(time_ordered_uuid(0x017F22E279B0) != at);  // the rest is random
    BOOST_TEST(time_ordered_uuid(0x017F22E279B0) < time_ordered_uuid(0x017F22E279B1));
    BOOST_TEST(time_ordered_uuid(0x017F22E279B1) < time_ordered_uuid(0x0180000000000));
    // Without an argument: now.
    const std::string now = time_ordered_uuid();
    const auto made = std::stoll(now.substr(0, 8) + now.substr(9, 4), nullptr, 16);
    const auto clock = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count();
    BOOST_TEST(made <= clock);
    BOOST_TEST(made > clock - 60000);
}

BOOST_AUTO_TEST_CASE(token_hex) {
    const std::string token = random_token_hex(32);
    BOOST_TEST(token.size() == 64u);
    BOOST_TEST(token.find_first_not_of("0123456789abcdef") == std::string::npos);
    BOOST_TEST(random_token_hex(32) != token);
}

BOOST_AUTO_TEST_CASE(base64url_lengths_and_alphabet) {
    const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // Unpadded length: ceil(4n/3).
    for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 5u, 16u, 32u, 33u}) {
        const std::string value = random_base64url(n);
        BOOST_TEST(value.size() == (4 * n + 2) / 3);
        BOOST_TEST(value.find_first_not_of(alphabet) == std::string::npos);
    }
    BOOST_TEST(random_base64url(32).size() == 43u);
    // Over many draws every symbol of the alphabet shows up.
    std::set<char> seen;
    for (int i = 0; i < 200; ++i) {
        for (char c : random_base64url(30)) seen.insert(c);
    }
    BOOST_TEST(seen.size() == 64u);
}

BOOST_AUTO_TEST_CASE(decimal_code_shape) {
    for (int digits : {1, 6, 8, 18}) {
        const std::string code = random_decimal_code(digits);
        BOOST_TEST(code.size() == static_cast<std::size_t>(digits));
        BOOST_TEST(code.find_first_not_of("0123456789") == std::string::npos);
    }
    BOOST_CHECK_THROW(random_decimal_code(0), std::invalid_argument);
    BOOST_CHECK_THROW(random_decimal_code(19), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(six_digit_codes_range_and_first_digit) {
    constexpr int draws = 10000;
    std::array<int, 10> first_digit{};
    std::set<std::string> distinct;
    for (int i = 0; i < draws; ++i) {
        const std::string code = random_decimal_code(6);
        BOOST_REQUIRE(code.size() == 6u);
        BOOST_REQUIRE(code.find_first_not_of("0123456789") == std::string::npos);
        const long value = std::stol(code);
        BOOST_REQUIRE(value >= 0);
        BOOST_REQUIRE(value <= 999999);
        ++first_digit[static_cast<std::size_t>(code[0] - '0')];
        distinct.insert(code);
    }
    // Expected 1000 per leading digit (leading zeros included); σ ≈ 30, so 800..1200 is > 6σ.
    for (int count : first_digit) {
        BOOST_TEST(count > 800);
        BOOST_TEST(count < 1200);
    }
    BOOST_TEST(distinct.size() > 9900u);  // ~50 collisions expected among 10^6 values
}

BOOST_AUTO_TEST_SUITE_END()
