#include "crypto/sealed_fields.hpp"

#include "crypto/aead.hpp"

namespace ltc::crypto {

std::string seal(const KeyRing& keys, SealedField field, std::string_view plaintext) {
    return aead_encrypt_base64(keys.key_for(field.label), plaintext, field.associated_data);
}

std::string open_sealed(const KeyRing& keys, SealedField field, std::string_view sealed_base64) {
    return aead_decrypt_base64(keys.key_for(field.label), sealed_base64, field.associated_data);
}

}  // namespace ltc::crypto
