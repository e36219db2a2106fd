// HKDF-SHA256 (RFC 5869) and the per-purpose KeyRing.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <set>

#include "crypto/hkdf.hpp"
#include "crypto/hmac.hpp"

using namespace ltc::crypto;

namespace {
std::string bytes_from(std::initializer_list<int> values) {
    std::string out;
    for (int v : values) out.push_back(static_cast<char>(v));
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_hkdf)

BOOST_AUTO_TEST_CASE(rfc5869_test_case_1) {
    const std::string ikm(22, '\x0b');
    const std::string salt = bytes_from({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    const std::string info =
        bytes_from({0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9});
    const std::string prk = hkdf_extract(salt, ikm);
    BOOST_TEST(to_hex(prk) == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    const std::string okm_hex =
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865";
    BOOST_TEST(to_hex(hkdf_expand(prk, info, 42)) == okm_hex);
    BOOST_TEST(to_hex(hkdf_sha256(salt, ikm, info, 42)) == okm_hex);
}

BOOST_AUTO_TEST_CASE(rfc5869_test_case_3_empty_salt_and_info) {
    const std::string ikm(22, '\x0b');
    BOOST_TEST(to_hex(hkdf_extract("", ikm)) ==
               "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
    BOOST_TEST(to_hex(hkdf_sha256("", ikm, "", 42)) ==
               "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

BOOST_AUTO_TEST_CASE(expand_length_limit) {
    const std::string prk(32, 'k');
    BOOST_TEST(hkdf_expand(prk, "x", 255 * 32).size() == 255u * 32u);
    BOOST_CHECK_THROW(hkdf_expand(prk, "x", 255 * 32 + 1), std::invalid_argument);
    BOOST_TEST(hkdf_expand(prk, "x", 0).empty());
}

BOOST_AUTO_TEST_CASE(keyring_matches_hkdf_definition) {
    const std::string secret = "0123456789abcdef0123456789abcdef-test-secret";
    const KeyRing ring(secret);
    BOOST_TEST(ring.version() == 1);
    const std::string key = ring.key_for(key_label::email_hmac);
    BOOST_TEST(key.size() == 32u);
    BOOST_TEST(key == hkdf_sha256("lifetimecircle-v1", secret, "email-hmac", 32));
    BOOST_TEST(KeyRing(secret, 1).key_for(key_label::email_hmac) == key);
}

BOOST_AUTO_TEST_CASE(keyring_labels_give_distinct_keys) {
    const KeyRing ring("0123456789abcdef0123456789abcdef-test-secret");
    std::set<std::string> keys;
    for (const auto label : key_label::all) keys.insert(ring.key_for(label));
    BOOST_TEST(keys.size() == key_label::all.size());
    BOOST_TEST(key_label::all.size() == 10u);
    BOOST_TEST(key_label::outbox_enc == "outbox-enc");
    BOOST_TEST(key_label::token_hash == "token-hash");
}

// The keys derived at construction are the ones HKDF gives; a label outside the list is derived on demand.
BOOST_AUTO_TEST_CASE(keyring_keeps_the_hkdf_keys_of_every_label) {
    const std::string secret = "0123456789abcdef0123456789abcdef-test-secret";
    const KeyRing ring(secret, 3);
    for (const auto label : key_label::all) {
        BOOST_TEST(ring.key_for(label) == hkdf_sha256("lifetimecircle-v3", secret, label, 32));
    }
    BOOST_TEST(ring.key_for("not-a-listed-label") == hkdf_sha256("lifetimecircle-v3", secret, "not-a-listed-label", 32));
}

BOOST_AUTO_TEST_CASE(keyring_version_and_secret_change_keys) {
    const std::string secret = "0123456789abcdef0123456789abcdef-test-secret";
    const KeyRing v1(secret, 1);
    const KeyRing v2(secret, 2);
    BOOST_TEST(v2.version() == 2);
    BOOST_TEST(v1.key_for(key_label::vin_enc) != v2.key_for(key_label::vin_enc));
    BOOST_TEST(v2.key_for(key_label::vin_enc) ==
               hkdf_sha256("lifetimecircle-v2", secret, "vin-enc", 32));
    BOOST_TEST(KeyRing(secret + "x").key_for(key_label::vin_enc) != v1.key_for(key_label::vin_enc));
}

BOOST_AUTO_TEST_SUITE_END()
