// Sealed columns and re-keying for `ltc rotate-secret` / `ltc bind-sealed-rows`: a value is
// bound to its column and its row, a value sealed under the old secret's ring of its recorded
// version opens under the new ring afterwards, HMACs change, tampering is refused.
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
const std::string row = "6f1c2a52-3d1e-4c55-9a0b-0d5e3f1f2a01";
const std::string other_row = "0b9d6f3e-8c2a-4e4f-b1a7-5c3d2e1f0a99";
}  // namespace

BOOST_AUTO_TEST_SUITE(rekey)

// Issue 9, defect 11: swapping two users' e-mail (or two vehicles' VIN) ciphertexts is detected.
BOOST_AUTO_TEST_CASE(a_ciphertext_opens_only_in_its_own_row_and_column) {
    const KeyRing ring(old_secret, 1);
    const std::string stored = seal(ring, sealed_field::user_email, row, address);
    BOOST_TEST(auth::decrypt_email(ring, row, stored) == address);
    BOOST_CHECK_THROW(auth::decrypt_email(ring, other_row, stored), DecryptionError);
    BOOST_CHECK_THROW(open_sealed(ring, sealed_field::challenge_email, row, stored), DecryptionError);

    vehicles::Vehicle first;
    first.id = row;
    first.vin = vehicles::protect_vin(ring, row, vin, std::nullopt);
    vehicles::Vehicle second;
    second.id = other_row;
    second.vin = vehicles::protect_vin(ring, other_row, "WAUZZZ8K9AA000002", std::nullopt);
    BOOST_TEST(vehicles::reveal_vin(ring, first) == vin);
    std::swap(first.vin.ciphertext, second.vin.ciphertext);
    BOOST_CHECK_THROW(vehicles::reveal_vin(ring, first), DecryptionError);
    BOOST_CHECK_THROW(vehicles::reveal_vin(ring, second), DecryptionError);
}

// Values written before rows were bound open once more for `ltc bind-sealed-rows`, which writes
// them back row-bound; the workers never accept them.
BOOST_AUTO_TEST_CASE(column_bound_values_are_recognised_and_rebound) {
    const KeyRing ring(old_secret, 1);
    const std::string legacy = aead_encrypt_base64(ring.key_for(key_label::email_enc), address, "users.email");
    BOOST_CHECK_THROW(auth::decrypt_email(ring, row, legacy), DecryptionError);
    const Opened opened = open_either(ring, sealed_field::user_email, row, legacy);
    BOOST_TEST(opened.plaintext == address);
    BOOST_TEST(!opened.row_bound);
    const Resealed bound = reseal(ring, ring, sealed_field::user_email, row, legacy);
    BOOST_TEST(auth::decrypt_email(ring, row, bound.sealed) == address);
    BOOST_TEST(open_either(ring, sealed_field::user_email, row, bound.sealed).row_bound);
    // A challenge's address was sealed as users.email before: it is recognised as such.
    BOOST_TEST(open_either(ring, sealed_field::challenge_email, row, legacy).plaintext == address);
}

BOOST_AUTO_TEST_CASE(email_moves_from_the_old_ring_of_its_version_to_the_new_ring) {
    OldKeyRings old_rings(old_secret);
    const KeyRing new_ring(new_secret, 3);
    const std::string stored = seal(old_rings.version(2), sealed_field::user_email, row, address);
    const std::string old_hmac = auth::email_hmac(old_rings.version(2), address);

    const Resealed moved = reseal(old_rings.version(2), new_ring, sealed_field::user_email, row, stored);
    BOOST_TEST(moved.plaintext == address);
    BOOST_TEST(moved.sealed != stored);
    BOOST_TEST(auth::decrypt_email(new_ring, row, moved.sealed) == address);
    BOOST_CHECK_THROW(auth::decrypt_email(old_rings.version(2), row, moved.sealed), DecryptionError);

    const std::string new_hmac = auth::email_hmac(new_ring, moved.plaintext);
    BOOST_TEST(new_hmac != old_hmac);
    BOOST_TEST(new_hmac == auth::email_hmac(KeyRing(new_secret, 3), address));  // what the workers compute
}

BOOST_AUTO_TEST_CASE(the_version_is_part_of_the_key) {
    OldKeyRings old_rings(old_secret);
    const std::string stored = seal(old_rings.version(1), sealed_field::user_email, row, address);
    BOOST_CHECK_THROW(reseal(old_rings.version(2), KeyRing(new_secret, 3), sealed_field::user_email, row, stored),
                      DecryptionError);
    BOOST_TEST(&old_rings.version(1) == &old_rings.version(1));  // derived once
}

BOOST_AUTO_TEST_CASE(a_wrong_old_secret_is_refused) {
    const std::string stored = seal(KeyRing(old_secret, 1), sealed_field::user_email, row, address);
    OldKeyRings wrong(std::string(40, 'w'));
    BOOST_CHECK_THROW(reseal(wrong.version(1), KeyRing(new_secret, 2), sealed_field::user_email, row, stored),
                      DecryptionError);
}

BOOST_AUTO_TEST_CASE(tampered_ciphertext_or_the_wrong_field_is_refused) {
    const KeyRing old_ring(old_secret, 1);
    const KeyRing new_ring(new_secret, 2);
    std::string stored = seal(old_ring, sealed_field::user_email, row, address);
    std::string flipped = stored;
    flipped[20] = flipped[20] == 'A' ? 'B' : 'A';
    BOOST_CHECK_THROW(reseal(old_ring, new_ring, sealed_field::user_email, row, flipped), DecryptionError);
    BOOST_CHECK_THROW(reseal(old_ring, new_ring, sealed_field::user_email, row, "not base64!"), DecryptionError);
    // Same key label, other associated data: a recipient is no message.
    const std::string recipient = seal(old_ring, sealed_field::outbox_recipient, row, address);
    BOOST_CHECK_THROW(reseal(old_ring, new_ring, sealed_field::outbox_message, row, recipient), DecryptionError);
    BOOST_TEST(reseal(old_ring, new_ring, sealed_field::outbox_recipient, row, recipient).plaintext == address);
}

BOOST_AUTO_TEST_CASE(vin_ciphertext_and_hmac_match_what_the_vehicle_code_computes) {
    const KeyRing old_ring(old_secret, 1);
    const KeyRing new_ring(new_secret, 2);
    vehicles::Vehicle vehicle;
    vehicle.id = row;
    vehicle.vin = vehicles::protect_vin(old_ring, row, vin, std::nullopt);
    const vehicles::StoredVin stored = vehicle.vin;
    Resealed moved = reseal(old_ring, new_ring, sealed_field::vin, row, stored.ciphertext);
    BOOST_TEST(moved.plaintext == vin);
    vehicle.vin.ciphertext = moved.sealed;
    vehicle.vin.hmac = vehicles::vin_hmac_of(new_ring, moved.plaintext);
    BOOST_TEST(vehicles::reveal_vin(new_ring, vehicle) == vin);
    BOOST_TEST(vehicle.vin.hmac != stored.hmac);
    BOOST_TEST(vehicle.vin.hmac == vehicles::protect_vin(new_ring, row, vin, std::nullopt).hmac);  // uniqueness still fires
    BOOST_TEST(vehicle.vin.masked == stored.masked);
    wipe(moved.plaintext);
    BOOST_TEST(moved.plaintext.empty());
}

BOOST_AUTO_TEST_CASE(totp_secret_matches_what_second_factor_writes) {
    const KeyRing old_ring(old_secret, 1);
    const KeyRing new_ring(new_secret, 2);
    const std::string raw_secret = "0123456789abcdefghij";
    const std::string stored = auth::encrypt_totp_secret(old_ring, row, raw_secret);
    const Resealed moved = reseal(old_ring, new_ring, sealed_field::totp_secret, row, stored);
    BOOST_TEST(moved.plaintext == raw_secret);
    // And back again: the new ciphertext carries the same associated data.
    BOOST_TEST(reseal(new_ring, old_ring, sealed_field::totp_secret, row, moved.sealed).plaintext == raw_secret);
}

BOOST_AUTO_TEST_CASE(outbox_message_round_trip) {
    const KeyRing old_ring(old_secret, 1);
    const KeyRing new_ring(new_secret, 2);
    const mail::SealedMail sealed = mail::seal(old_ring, {address, "Dein Code", "123456"});
    const Resealed moved = reseal(old_ring, new_ring, sealed_field::outbox_message, sealed.id, sealed.message_ciphertext);
    BOOST_TEST(open_sealed(new_ring, sealed_field::outbox_message, sealed.id, moved.sealed) ==
               mail::encode_message("Dein Code", "123456"));
}

BOOST_AUTO_TEST_SUITE_END()
