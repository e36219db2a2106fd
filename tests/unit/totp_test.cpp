// Base32 (RFC 4648), HOTP (RFC 4226), TOTP (RFC 6238): published vectors, window, replay,
// malformed codes and the otpauth URI.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "totp/base32.hpp"
#include "totp/totp.hpp"

using namespace ltc::totp;

namespace {
const std::string kRfcSecret = "12345678901234567890";
}

BOOST_AUTO_TEST_SUITE(totp_base32)

BOOST_AUTO_TEST_CASE(rfc4648_encode_vectors) {
    BOOST_TEST(base32_encode("") == "");
    BOOST_TEST(base32_encode("f") == "MY");
    BOOST_TEST(base32_encode("fo") == "MZXQ");
    BOOST_TEST(base32_encode("foo") == "MZXW6");
    BOOST_TEST(base32_encode("foob") == "MZXW6YQ");
    BOOST_TEST(base32_encode("fooba") == "MZXW6YTB");
    BOOST_TEST(base32_encode("foobar") == "MZXW6YTBOI");
}

BOOST_AUTO_TEST_CASE(rfc4648_decode_vectors_padded_and_unpadded) {
    const std::vector<std::pair<std::string, std::string>> vectors = {
        {"", ""},          {"f", "MY======"},        {"fo", "MZXQ===="},
        {"foo", "MZXW6==="}, {"foob", "MZXW6YQ="}, {"fooba", "MZXW6YTB"},
        {"foobar", "MZXW6YTBOI======"}};
    for (const auto& [plain, padded] : vectors) {
        BOOST_TEST(base32_decode(padded).value_or("<none>") == plain);
        const std::string unpadded = padded.substr(0, padded.find('='));
        BOOST_TEST(base32_decode(unpadded).value_or("<none>") == plain);
    }
}

BOOST_AUTO_TEST_CASE(decode_is_case_insensitive) {
    BOOST_TEST(base32_decode("mzxw6ytboi").value_or("<none>") == "foobar");
    BOOST_TEST(base32_decode("MzXw6YtBoI").value_or("<none>") == "foobar");
}

BOOST_AUTO_TEST_CASE(round_trip_all_byte_values) {
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
    for (std::size_t len = 0; len <= bytes.size(); len += 7) {
        const std::string part = bytes.substr(0, len);
        const std::string text = base32_encode(part);
        BOOST_TEST(text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == std::string::npos);
        BOOST_TEST(base32_decode(text).value_or("<none>") == part);
    }
    BOOST_TEST(base32_encode(kRfcSecret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

BOOST_AUTO_TEST_CASE(invalid_input_is_refused) {
    BOOST_TEST(!base32_decode("MZXW6YT1").has_value());  // '1' not in the alphabet
    BOOST_TEST(!base32_decode("MZXW 6YTB").has_value());  // space
    BOOST_TEST(!base32_decode("MZXW-6YTB").has_value());  // dash
    BOOST_TEST(!base32_decode("M").has_value());          // impossible lengths 1, 3, 6
    BOOST_TEST(!base32_decode("MZX").has_value());
    BOOST_TEST(!base32_decode("MZXW6Y").has_value());
    BOOST_TEST(!base32_decode("MY=").has_value());        // wrong amount of padding
    BOOST_TEST(!base32_decode("MY=======").has_value());
    BOOST_TEST(!base32_decode("========").has_value());
    BOOST_TEST(!base32_decode("MY==MY==").has_value());   // padding in the middle
    BOOST_TEST(!base32_decode("MZ").has_value());         // non-zero unused bits
    BOOST_TEST(!base32_decode(std::string("MY\0", 3)).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(totp_codes)

BOOST_AUTO_TEST_CASE(rfc4226_hotp_vectors) {
    const std::vector<std::string> expected = {"755224", "287082", "359152", "969429", "338314",
                                               "254676", "287922", "162583", "399871", "520489"};
    for (std::uint64_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST(hotp(kRfcSecret, i) == expected[i]);
    }
}

BOOST_AUTO_TEST_CASE(rfc6238_appendix_b_sha1_vectors) {
    const std::vector<std::pair<std::int64_t, std::string>> vectors = {
        {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
        {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
    for (const auto& [time, code] : vectors) {
        BOOST_TEST(totp_code(kRfcSecret, time, 30, 8) == code);
    }
    // The default 6 digits are the last six of the 8-digit code.
    BOOST_TEST(totp_code(kRfcSecret, 59) == "287082");
    BOOST_TEST(totp_code(kRfcSecret, 1111111109) == "081804");
}

BOOST_AUTO_TEST_CASE(bad_parameters_throw) {
    BOOST_CHECK_THROW(hotp(kRfcSecret, 0, 5), std::invalid_argument);
    BOOST_CHECK_THROW(hotp(kRfcSecret, 0, 9), std::invalid_argument);
    BOOST_CHECK_THROW(totp_code(kRfcSecret, -1), std::invalid_argument);
    BOOST_CHECK_THROW(totp_code(kRfcSecret, 59, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(time_step_boundaries) {
    BOOST_TEST(time_step(0) == 0);
    BOOST_TEST(time_step(29) == 0);
    BOOST_TEST(time_step(30) == 1);
    BOOST_TEST(time_step(20000000000) == 666666666);
}

BOOST_AUTO_TEST_CASE(window_of_one_step_either_side) {
    const std::int64_t now = 1111111111;  // step 37037037
    const std::int64_t t = now / 30;
    for (const std::int64_t d : {-1, 0, 1}) {
        const std::string code = hotp(kRfcSecret, static_cast<std::uint64_t>(t + d));
        const auto step = matching_step(kRfcSecret, code, now);
        BOOST_REQUIRE(step.has_value());
        BOOST_TEST(*step == t + d);
    }
    for (const std::int64_t d : {-2, 2}) {
        const std::string code = hotp(kRfcSecret, static_cast<std::uint64_t>(t + d));
        BOOST_TEST(!matching_step(kRfcSecret, code, now).has_value());
    }
    // Window 0: only the current step.
    BOOST_TEST(!matching_step(kRfcSecret, hotp(kRfcSecret, static_cast<std::uint64_t>(t + 1)), now, 0)
                    .has_value());
    BOOST_TEST(matching_step(kRfcSecret, totp_code(kRfcSecret, now), now, 0).value_or(-1) == t);
}

BOOST_AUTO_TEST_CASE(wrong_secret_refused) {
    const std::int64_t now = 1234567890;
    BOOST_TEST(!matching_step("another secret 20 by", totp_code(kRfcSecret, now), now).has_value());
}

BOOST_AUTO_TEST_CASE(each_code_accepted_once) {
    const std::int64_t now = 1234567890;
    const std::int64_t t = now / 30;
    const std::string code = totp_code(kRfcSecret, now);

    const auto first = accept_code(kRfcSecret, code, now, std::nullopt);
    BOOST_REQUIRE(first.has_value());
    BOOST_TEST(*first == t);
    // Replay with the stored step: refused, also a few seconds later in the same step.
    BOOST_TEST(!accept_code(kRfcSecret, code, now, *first).has_value());
    BOOST_TEST(!accept_code(kRfcSecret, code, now + 5, *first).has_value());
    // ... and in the next step, where the old code is still inside the window.
    BOOST_TEST(!accept_code(kRfcSecret, code, now + 30, *first).has_value());
    // An older code is refused once a newer step was used.
    const std::string previous = hotp(kRfcSecret, static_cast<std::uint64_t>(t - 1));
    BOOST_TEST(!accept_code(kRfcSecret, previous, now, *first).has_value());
    // The next step's code is still fine.
    const std::string next = hotp(kRfcSecret, static_cast<std::uint64_t>(t + 1));
    BOOST_TEST(accept_code(kRfcSecret, next, now, *first).value_or(-1) == t + 1);
}

BOOST_AUTO_TEST_CASE(malformed_codes_refused) {
    const std::int64_t now = 1234567890;
    const std::string good = totp_code(kRfcSecret, now);
    BOOST_TEST(matching_step(kRfcSecret, good, now).has_value());
    for (const std::string& bad :
         {good.substr(1), good + "0", std::string("12345a"), std::string("abcdef"),
          std::string(""), " " + good.substr(1), good.substr(0, 3) + " " + good.substr(3),
          "+" + good.substr(1), "-" + good.substr(1), std::string("１２３４５６"),
          good.substr(0, 5) + std::string(1, '\0')}) {
        BOOST_TEST(!matching_step(kRfcSecret, bad, now).has_value(), "accepted: " << bad);
        BOOST_TEST(!accept_code(kRfcSecret, bad, now, std::nullopt).has_value());
    }
    BOOST_TEST(is_code_format("012345"));
    BOOST_TEST(!is_code_format("01234"));
    BOOST_TEST(!is_code_format("0123456"));
}

BOOST_AUTO_TEST_CASE(early_times_do_not_throw) {
    // At time 0 the window reaches step -1, which does not exist.
    BOOST_TEST(matching_step(kRfcSecret, totp_code(kRfcSecret, 0), 0).value_or(-1) == 0);
    BOOST_TEST(matching_step(kRfcSecret, hotp(kRfcSecret, 1), 0).value_or(-1) == 1);
}

BOOST_AUTO_TEST_CASE(new_secret_is_20_random_bytes) {
    const std::string a = new_totp_secret();
    const std::string b = new_totp_secret();
    BOOST_TEST(a.size() == 20u);
    BOOST_TEST(a != b);
    BOOST_TEST(base32_encode(a).size() == 32u);
}

BOOST_AUTO_TEST_CASE(otpauth_uri_format) {
    const std::string secret = base32_encode(kRfcSecret);
    BOOST_TEST(otpauth_uri(secret, "max.mustermann@beispiel.de") ==
               "otpauth://totp/LifeTimeCircle:max.mustermann%40beispiel.de"
               "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=LifeTimeCircle"
               "&algorithm=SHA1&digits=6&period=30");
    // Reserved characters, spaces and UTF-8 in the label are percent-encoded.
    BOOST_TEST(otpauth_uri(secret, "a b:c/d?e&f#g%ü") ==
               "otpauth://totp/LifeTimeCircle:a%20b%3Ac%2Fd%3Fe%26f%23g%25%C3%BC"
               "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=LifeTimeCircle"
               "&algorithm=SHA1&digits=6&period=30");
    // Lower-case input is canonicalised; the issuer is encoded in both places.
    const std::string custom = otpauth_uri("gezdgnbvgy3tqojq", "x", "Life Time");
    BOOST_TEST(custom == "otpauth://totp/Life%20Time:x?secret=GEZDGNBVGY3TQOJQ&issuer=Life%20Time"
                         "&algorithm=SHA1&digits=6&period=30");
    BOOST_CHECK_THROW(otpauth_uri("not base32!", "x"), std::invalid_argument);
    BOOST_CHECK_THROW(otpauth_uri("", "x"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
