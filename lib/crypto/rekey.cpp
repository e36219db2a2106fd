#include "crypto/rekey.hpp"

#include <openssl/crypto.h>

#include "crypto/aead.hpp"


namespace ltc::crypto {

Opened open_either(const KeyRing& keys, SealedField field, std::string_view row_id, std::string_view sealed_base64) {
    try {
        return {open_sealed(keys, field, row_id, sealed_base64), true};
    } catch (const DecryptionError&) {
        return {open_column_bound(keys, field, sealed_base64), false};
    }
}

Resealed reseal(const KeyRing& from, const KeyRing& to, SealedField field, std::string_view row_id,
                std::string_view sealed_base64) {
    Resealed result;
    result.plaintext = open_either(from, field, row_id, sealed_base64).plaintext;
    result.sealed = seal(to, field, row_id, result.plaintext);
    return result;
}

void wipe(std::string& value) {
    if (!value.empty()) OPENSSL_cleanse(value.data(), value.size());
    value.clear();
}

OldKeyRings::OldKeyRings(std::string secret) : secret_(std::move(secret)) {}

OldKeyRings::~OldKeyRings() { wipe(secret_); }

const KeyRing& OldKeyRings::version(int key_version) {
    auto found = rings_.find(key_version);
    if (found == rings_.end()) found = rings_.emplace(key_version, std::make_unique<KeyRing>(secret_, key_version)).first;
    return *found->second;
}

}  // namespace ltc::crypto
