#include "crypto/sealed_fields.hpp"

#include "crypto/aead.hpp"

namespace ltc::crypto {

namespace {
std::string row_bound(SealedField field, std::string_view row_id) {
    std::string associated_data(field.column);
    associated_data += '/';
    associated_data += row_id;
    return associated_data;
}
}  // namespace

std::string seal(const KeyRing& keys, SealedField field, std::string_view row_id, std::string_view plaintext) {
    return aead_encrypt_base64(keys.key_for(field.label), plaintext, row_bound(field, row_id));
}

std::string open_sealed(const KeyRing& keys, SealedField field, std::string_view row_id, std::string_view sealed_base64) {
    return aead_decrypt_base64(keys.key_for(field.label), sealed_base64, row_bound(field, row_id));
}

std::string open_column_bound(const KeyRing& keys, SealedField field, std::string_view sealed_base64) {
    return aead_decrypt_base64(keys.key_for(field.label), sealed_base64, field.column_bound_as);
}

}  // namespace ltc::crypto
