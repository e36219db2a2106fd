// HMAC-SHA256 / HMAC-SHA1 against published vectors.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "crypto/hmac.hpp"

using namespace ltc::crypto;

BOOST_AUTO_TEST_SUITE(crypto_hmac)

BOOST_AUTO_TEST_CASE(rfc4231_test_case_2) {
    BOOST_TEST(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

BOOST_AUTO_TEST_CASE(quick_brown_fox) {
    BOOST_TEST(hmac_sha256_hex("key", "The quick brown fox jumps over the lazy dog") ==
               "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
}

BOOST_AUTO_TEST_CASE(raw_bytes_match_hex) {
    const std::string raw = hmac_sha256("key", "The quick brown fox jumps over the lazy dog");
    BOOST_TEST(raw.size() == 32u);
    BOOST_TEST(to_hex(raw) == hmac_sha256_hex("key", "The quick brown fox jumps over the lazy dog"));
}

BOOST_AUTO_TEST_CASE(rfc4231_test_case_6_long_key) {
    const std::string key(131, '\xaa');
    BOOST_TEST(hmac_sha256_hex(key, "Test Using Larger Than Block-Size Key - Hash Key First") ==
               "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

BOOST_AUTO_TEST_CASE(empty_key_and_message) {
    BOOST_TEST(hmac_sha256_hex("", "") ==
               "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

BOOST_AUTO_TEST_CASE(binary_bytes_with_nul) {
    const std::string key("a\0b", 3);
    BOOST_TEST(hmac_sha256(key, "x") != hmac_sha256("a", "x"));
}

// Keyed contexts are kept per thread and copied per message: the same bytes as OpenSSL's
// one-shot HMAC for more keys than are kept, each asked again, with empty and non-empty messages.
BOOST_AUTO_TEST_CASE(kept_keyed_contexts_answer_like_the_one_shot_hmac) {
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 40; ++i) {
            const std::string key = "key-" + std::to_string(i);
            const std::string message = round == 0 ? "" : "message " + std::to_string(i * round);
            unsigned char expected[EVP_MAX_MD_SIZE];
            unsigned int length = 0;
            BOOST_REQUIRE(HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                               reinterpret_cast<const unsigned char*>(message.data()), message.size(), expected, &length));
            BOOST_TEST(hmac_sha256(key, message) == std::string(reinterpret_cast<const char*>(expected), length));
        }
    }
}

BOOST_AUTO_TEST_CASE(sha1_rfc2202_test_case_2) {
    const std::string raw = hmac_sha1("Jefe", "what do ya want for nothing?");
    BOOST_TEST(raw.size() == 20u);
    BOOST_TEST(to_hex(raw) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

BOOST_AUTO_TEST_CASE(to_hex_lower_case) {
    BOOST_TEST(to_hex(std::string("\x00\x0f\xab\xff", 4)) == "000fabff");
    BOOST_TEST(to_hex("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
