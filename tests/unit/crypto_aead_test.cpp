// AES-256-GCM sealing: round trip, tampering, wrong key or associated data, fresh nonces.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "crypto/aead.hpp"

using namespace ltc::crypto;

namespace {
const std::string key_a(32, 'A');
const std::string key_b(32, 'B');
}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_aead)

BOOST_AUTO_TEST_CASE(round_trip_and_layout) {
    const std::string plaintext = "max.mustermann@beispiel.de";
    const std::string sealed = aead_encrypt(key_a, plaintext, "users.email");
    BOOST_TEST(sealed.size() == aead_nonce_size + plaintext.size() + aead_tag_size);
    BOOST_TEST(sealed.find(plaintext) == std::string::npos);
    BOOST_TEST(aead_decrypt(key_a, sealed, "users.email") == plaintext);
}

BOOST_AUTO_TEST_CASE(round_trip_empty_and_binary) {
    BOOST_TEST(aead_decrypt(key_a, aead_encrypt(key_a, "")) == "");
    BOOST_TEST(aead_encrypt(key_a, "").size() == aead_nonce_size + aead_tag_size);
    const std::string binary("\0\x01\xff\0zz", 6);
    BOOST_TEST(aead_decrypt(key_a, aead_encrypt(key_a, binary)) == binary);
    const std::string large(100000, 'q');
    BOOST_TEST(aead_decrypt(key_a, aead_encrypt(key_a, large)) == large);
}

BOOST_AUTO_TEST_CASE(every_tampered_byte_throws) {
    const std::string sealed = aead_encrypt(key_a, "secret", "ad");
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        std::string tampered = sealed;
        tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
        BOOST_CHECK_THROW(aead_decrypt(key_a, tampered, "ad"), DecryptionError);
    }
}

BOOST_AUTO_TEST_CASE(truncated_throws) {
    const std::string sealed = aead_encrypt(key_a, "secret");
    BOOST_CHECK_THROW(aead_decrypt(key_a, sealed.substr(0, sealed.size() - 1)), DecryptionError);
    BOOST_CHECK_THROW(aead_decrypt(key_a, sealed.substr(0, 27)), DecryptionError);
    BOOST_CHECK_THROW(aead_decrypt(key_a, ""), DecryptionError);
}

BOOST_AUTO_TEST_CASE(wrong_key_throws) {
    const std::string sealed = aead_encrypt(key_a, "secret");
    BOOST_CHECK_THROW(aead_decrypt(key_b, sealed), DecryptionError);
}

BOOST_AUTO_TEST_CASE(wrong_associated_data_throws) {
    const std::string sealed = aead_encrypt(key_a, "secret", "users.email");
    BOOST_CHECK_THROW(aead_decrypt(key_a, sealed, "outbox.recipient"), DecryptionError);
    BOOST_CHECK_THROW(aead_decrypt(key_a, sealed), DecryptionError);
    const std::string without_ad = aead_encrypt(key_a, "secret");
    BOOST_CHECK_THROW(aead_decrypt(key_a, without_ad, "users.email"), DecryptionError);
}

BOOST_AUTO_TEST_CASE(two_encryptions_differ) {
    const std::string first = aead_encrypt(key_a, "same plaintext");
    const std::string second = aead_encrypt(key_a, "same plaintext");
    BOOST_TEST(first != second);
    BOOST_TEST(first.substr(0, aead_nonce_size) != second.substr(0, aead_nonce_size));
}

BOOST_AUTO_TEST_CASE(key_must_be_32_bytes) {
    BOOST_CHECK_THROW(aead_encrypt(std::string(16, 'k'), "x"), std::invalid_argument);
    BOOST_CHECK_THROW(aead_decrypt(std::string(31, 'k'), std::string(40, 'x')),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(base64_round_trip) {
    for (const std::string plaintext : {"", "a", "ab", "abc", "max.mustermann@beispiel.de"}) {
        const std::string encoded = aead_encrypt_base64(key_a, plaintext, "ad");
        BOOST_TEST(encoded.size() % 4 == 0u);
        BOOST_TEST(encoded.find_first_not_of(
                       "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
                   std::string::npos);
        BOOST_TEST(aead_decrypt_base64(key_a, encoded, "ad") == plaintext);
    }
}

BOOST_AUTO_TEST_CASE(base64_malformed_or_tampered_throws) {
    const std::string encoded = aead_encrypt_base64(key_a, "secret");
    BOOST_CHECK_THROW(aead_decrypt_base64(key_a, "not base64!"), DecryptionError);
    BOOST_CHECK_THROW(aead_decrypt_base64(key_a, ""), DecryptionError);
    BOOST_CHECK_THROW(aead_decrypt_base64(key_a, encoded.substr(1)), DecryptionError);
    std::string tampered = encoded;
    tampered[5] = tampered[5] == 'A' ? 'B' : 'A';
    BOOST_CHECK_THROW(aead_decrypt_base64(key_a, tampered), DecryptionError);
    BOOST_CHECK_THROW(aead_decrypt_base64(key_b, encoded), DecryptionError);
}

BOOST_AUTO_TEST_SUITE_END()
