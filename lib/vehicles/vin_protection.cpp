#include "vehicles/vin_protection.hpp"

#include "crypto/sealed_fields.hpp"
#include "crypto/hmac.hpp"
#include "http/api_error.hpp"
#include "vehicles/vin.hpp"

namespace ltc::vehicles {

std::string vin_hmac_of(const crypto::KeyRing& keys, const std::string& normalized) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::vin_hmac), normalized);
}

StoredVin protect_vin(const crypto::KeyRing& keys, const std::string& vehicle_id, const std::string& raw,
                      std::optional<int> year) {
    const std::string normalized = normalize_vin(raw);
    if (validate_vin(normalized, year)) throw http::ApiError(400, "invalid_vin", "Die Fahrgestellnummer ist ungültig.");
    StoredVin vin;
    vin.ciphertext = crypto::seal(keys, crypto::sealed_field::vin, vehicle_id, normalized);
    vin.hmac = vin_hmac_of(keys, normalized);
    vin.masked = mask_vin(normalized);
    vin.check_digit_valid = vin_check_digit_valid(normalized, year);
    return vin;
}

std::string reveal_vin(const crypto::KeyRing& keys, const Vehicle& vehicle) {
    return crypto::open_sealed(keys, crypto::sealed_field::vin, vehicle.id, vehicle.vin.ciphertext);
}

}  // namespace ltc::vehicles
