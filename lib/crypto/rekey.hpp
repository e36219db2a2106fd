#pragma once
// Re-keying for `ltc rotate-secret`: values sealed under a key ring of the retiring secret are
// opened and sealed again under the new ring; HMACs are recomputed from the opened plaintext.
// Pure (no database): the command reads and writes the rows.
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "crypto/hkdf.hpp"

namespace ltc::crypto {

// A stored AEAD value: the key label and the associated data it is bound to. These must match
// what the writers use (users.cpp, second_factor.cpp, vin_protection.cpp, outbox.hpp); the unit
// tests re-key values made by those writers to keep them in step.
struct SealedField {
    std::string_view label;
    std::string_view associated_data;
};

namespace sealed_field {
inline constexpr SealedField user_email{key_label::email_enc, "users.email"};
inline constexpr SealedField totp_secret{key_label::totp_enc, "users.totp_secret"};
inline constexpr SealedField vin{key_label::vin_enc, "vehicles.vin"};
inline constexpr SealedField outbox_recipient{key_label::outbox_enc, "mail_outbox.recipient"};
inline constexpr SealedField outbox_message{key_label::outbox_enc, "mail_outbox.message"};
}  // namespace sealed_field

struct Resealed {
    std::string plaintext;  // for recomputing the HMAC next to it; wipe it when done (wipe())
    std::string sealed;     // base64, under the new ring
};

// Opens `sealed_base64` with `from` and seals the plaintext with `to`. Throws DecryptionError
// when `from` cannot open it (wrong secret or version, tampering, wrong field).
Resealed reseal(const KeyRing& from, const KeyRing& to, SealedField field, std::string_view sealed_base64);

// Overwrites the string's bytes (plaintext addresses, VINs and TOTP secrets once re-keyed).
void wipe(std::string& value);

// The key rings of the retiring secret, one per stored key_version, derived once each.
class OldKeyRings {
public:
    explicit OldKeyRings(std::string secret);
    ~OldKeyRings();
    OldKeyRings(const OldKeyRings&) = delete;
    OldKeyRings& operator=(const OldKeyRings&) = delete;

    const KeyRing& version(int key_version);

private:
    std::string secret_;
    std::map<int, std::unique_ptr<KeyRing>> rings_;
};

}  // namespace ltc::crypto
