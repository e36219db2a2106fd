#pragma once
// Re-keying for `ltc rotate-secret`: values sealed under a key ring of the retiring secret are
// opened and sealed again under the new ring; HMACs are recomputed from the opened plaintext.
// Pure (no database): the command reads and writes the rows.
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "crypto/hkdf.hpp"
#include "crypto/sealed_fields.hpp"

namespace ltc::crypto {

struct Resealed {
    std::string plaintext;  // for recomputing the HMAC next to it; wipe it when done (wipe())
    std::string sealed;     // base64, under the new ring
};

// Opens `sealed_base64` of row `row_id` with `from` (row-bound, or column-bound as written before
// rows were bound) and seals the plaintext row-bound with `to`. Throws DecryptionError when `from`
// cannot open it (wrong secret or version, tampering, wrong field or row).
Resealed reseal(const KeyRing& from, const KeyRing& to, SealedField field, std::string_view row_id,
                std::string_view sealed_base64);

// The value opened as the current format (row-bound) or the earlier one (column-bound); which
// one it was tells `ltc bind-sealed-rows` whether the row still needs writing.
struct Opened {
    std::string plaintext;
    bool row_bound = false;
};
Opened open_either(const KeyRing& keys, SealedField field, std::string_view row_id, std::string_view sealed_base64);

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
