#include "vehicles/vin_protection.hpp"

#include "crypto/aead.hpp"
#include "crypto/hmac.hpp"
#include "http/api_error.hpp"
#include "vehicles/vin.hpp"

namespace ltc::vehicles {

namespace {
constexpr const char* vin_context = "vehicles.vin";
}

std::string vin_hmac_of(const crypto::KeyRing& keys, const std::string& normalized) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::vin_hmac), normalized);
}

StoredVin protect_vin(const crypto::KeyRing& keys, const std::string& raw, std::optional<int> year) {
    const std::string normalized = normalize_vin(raw);
    if (validate_vin(normalized, year)) throw http::ApiError(400, "invalid_vin", "Die Fahrgestellnummer ist ungültig.");
    StoredVin vin;
    vin.ciphertext = crypto::aead_encrypt_base64(keys.key_for(crypto::key_label::vin_enc), normalized, vin_context);
    vin.hmac = vin_hmac_of(keys, normalized);
    vin.masked = mask_vin(normalized);
    vin.check_digit_valid = vin_check_digit_valid(normalized, year);
    return vin;
}

std::string reveal_vin(const crypto::KeyRing& keys, const StoredVin& vin) {
    return crypto::aead_decrypt_base64(keys.key_for(crypto::key_label::vin_enc), vin.ciphertext, vin_context);
}

}  // namespace ltc::vehicles
