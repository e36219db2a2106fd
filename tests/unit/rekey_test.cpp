// Re-keying for `ltc rotate-secret`: a value sealed under the old secret's ring of its
// recorded version opens under the new ring afterwards, HMACs change, tampering is refused.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "auth/second_factor.hpp"
#include "auth/users.hpp"
#include "crypto/aead.hpp"
#include "crypto/rekey.hpp"
#include "mail/outbox.hpp"
#include "vehicles/vin_protection.hpp"

using namespace ltc;
using namespace ltc::crypto;

namespace {
const std::string old_secret(40, 'o');
const std::string new_secret(40, 'n');
const std::string address = "max.mustermann@beispiel.de";
const std::string vin = "WVWZZZ1JZXW000001";
}  // namespace

BOOST_AUTO_TEST_SUITE(rekey)

BOOST_AUTO_TEST_CASE(email_moves_from_the_old_ring_of_its_version_to_the_new_ring) {
    OldKeyRings old_rings(old_secret);
    const KeyRing new_ring(new_secret, 3);
    const std::string stored = auth::encrypt_email(old_rings.version(2), address);
    const std::string old_hmac = auth::email_hmac(old_rings.version(2), address);

    const Resealed moved = reseal(old_rings.version(2), new_ring, sealed_field::user_email, stored);
    BOOST_TEST(moved.plaintext == address);
    BOOST_TEST(moved.sealed != stored);
    BOOST_TEST(auth::decrypt_email(new_ring, moved.sealed) == address);
    BOOST_CHECK_THROW(auth::decrypt_email(old_rings.version(2), moved.sealed), DecryptionError);

    const std::string new_hmac = auth::email_hmac(new_ring, moved.plaintext);
    BOOST_TEST(new_hmac != old_hmac);
    BOOST_TEST(new_hmac == auth::email_hmac(KeyRing(new_secret, 3), address));  // what the workers compute
}

BOOST_AUTO_TEST_CASE(the_version_is_part_of_the_key) {
    OldKeyRings old_rings(old_secret);
    const std::string stored = auth::encrypt_email(old_rings.version(1), address);
    BOOST_CHECK_THROW(reseal(old_rings.version(2), KeyRing(new_secret, 3), sealed_field::user_email, stored),
                      DecryptionError);
    BOOST_TEST(&old_rings.version(1) == &old_rings.version(1));  // derived once
}

BOOST_AUTO_TEST_CASE(a_wrong_old_secret_is_refused) {
    const std::string stored = auth::encrypt_email(KeyRing(old_secret, 1), address);
    OldKeyRings wrong(std::string(40, 'w'));
    BOOST_CHECK_THROW(reseal(wrong.version(1), KeyRing(new_secret, 2), sealed_field::user_email, stored),
                      DecryptionError);
}

BOOST_AUTO_TEST_CASE(tampered_ciphertext_or_the_wrong_field_is_refused) {
    const KeyRing old_ring(old_secret, 1);
    const KeyRing new_ring(new_secret, 2);
    std::string stored = auth::encrypt_email(old_ring, address);
    std::string flipped = stored;
    flipped[20] = flipped[20] == 'A' ? 'B' : 'A';
    BOOST_CHECK_THROW(reseal(old_ring, new_ring, sealed_field::user_email, flipped), DecryptionError);
    BOOST_CHECK_THROW(reseal(old_ring, new_ring, sealed_field::user_email, "not base64!"), DecryptionError);
    // Same key label, other associated data: a recipient is no message.
    const std::string recipient = seal(old_ring, sealed_field::outbox_recipient, address);
    BOOST_CHECK_THROW(reseal(old_ring, new_ring, sealed_field::outbox_message, recipient), DecryptionError);
    BOOST_TEST(reseal(old_ring, new_ring, sealed_field::outbox_recipient, recipient).plaintext == address);
}

BOOST_AUTO_TEST_CASE(vin_ciphertext_and_hmac_match_what_the_vehicle_code_computes) {
    const KeyRing old_ring(old_secret, 1);
    const KeyRing new_ring(new_secret, 2);
    vehicles::StoredVin stored = vehicles::protect_vin(old_ring, vin, std::nullopt);
    Resealed moved = reseal(old_ring, new_ring, sealed_field::vin, stored.ciphertext);
    BOOST_TEST(moved.plaintext == vin);
    vehicles::StoredVin rekeyed = stored;
    rekeyed.ciphertext = moved.sealed;
    rekeyed.hmac = vehicles::vin_hmac_of(new_ring, moved.plaintext);
    BOOST_TEST(vehicles::reveal_vin(new_ring, rekeyed) == vin);
    BOOST_TEST(rekeyed.hmac != stored.hmac);
    BOOST_TEST(rekeyed.hmac == vehicles::protect_vin(new_ring, vin, std::nullopt).hmac);  // uniqueness still fires
    BOOST_TEST(rekeyed.masked == stored.masked);
    wipe(moved.plaintext);
    BOOST_TEST(moved.plaintext.empty());
}

BOOST_AUTO_TEST_CASE(totp_secret_matches_what_second_factor_writes) {
    const KeyRing old_ring(old_secret, 1);
    const KeyRing new_ring(new_secret, 2);
    const std::string raw_secret = "0123456789abcdefghij";
    const std::string stored = auth::encrypt_totp_secret(old_ring, raw_secret);
    const Resealed moved = reseal(old_ring, new_ring, sealed_field::totp_secret, stored);
    BOOST_TEST(moved.plaintext == raw_secret);
    // And back again: the new ciphertext carries the same associated data.
    BOOST_TEST(reseal(new_ring, old_ring, sealed_field::totp_secret, moved.sealed).plaintext == raw_secret);
}

BOOST_AUTO_TEST_CASE(outbox_message_round_trip) {
    const KeyRing old_ring(old_secret, 1);
    const KeyRing new_ring(new_secret, 2);
    const std::string body = mail::encode_message("Ihr Code", "123456");
    const std::string stored = seal(old_ring, sealed_field::outbox_message, body);
    const Resealed moved = reseal(old_ring, new_ring, sealed_field::outbox_message, stored);
    BOOST_TEST(open_sealed(new_ring, sealed_field::outbox_message, moved.sealed) == body);
}

BOOST_AUTO_TEST_SUITE_END()
