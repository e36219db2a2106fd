#pragma once
// Every encrypted column: the key it is sealed with and the associated data binding the
// ciphertext to its column and its row ("users.email/<id>"), so a ciphertext copied into another
// column or another row does not open. Writers, readers and `ltc rotate-secret` all use these.
#include <string>
#include <string_view>

#include "crypto/hkdf.hpp"

namespace ltc::crypto {

struct SealedField {
    std::string_view label;
    std::string_view column;
    // The associated data before rows were bound (the column, or the field it was sealed as).
    std::string_view column_bound_as = column;
};

namespace sealed_field {
inline constexpr SealedField user_email{key_label::email_enc, "users.email"};
inline constexpr SealedField challenge_email{key_label::email_enc, "auth_challenges.email", "users.email"};
// Both the active and the pending TOTP secret of a user.
inline constexpr SealedField totp_secret{key_label::totp_enc, "users.totp_secret"};
inline constexpr SealedField vin{key_label::vin_enc, "vehicles.vin"};
inline constexpr SealedField outbox_recipient{key_label::outbox_enc, "mail_outbox.recipient"};
inline constexpr SealedField outbox_message{key_label::outbox_enc, "mail_outbox.message"};
}  // namespace sealed_field

// AES-256-GCM under the ring's key for the field, base64 (crypto/aead.hpp), bound to the row.
std::string seal(const KeyRing& keys, SealedField field, std::string_view row_id, std::string_view plaintext);
// Throws DecryptionError when the value was not sealed for this field and row under this ring.
std::string open_sealed(const KeyRing& keys, SealedField field, std::string_view row_id, std::string_view sealed_base64);
// Values written before ciphertexts were bound to their row (column only). Read by
// `ltc bind-sealed-rows` and `ltc rotate-secret` only, which write them back row-bound.
std::string open_column_bound(const KeyRing& keys, SealedField field, std::string_view sealed_base64);

}  // namespace ltc::crypto
