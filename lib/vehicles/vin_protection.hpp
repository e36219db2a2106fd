#pragma once
// A VIN as it is stored: AES-256-GCM ciphertext, HMAC for uniqueness, mask for display.
#include <optional>
#include <string>

#include "crypto/hkdf.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::vehicles {

// Normalises and validates the raw VIN for the given year and seals it for the vehicle row
// `vehicle_id`; throws 400 invalid_vin.
StoredVin protect_vin(const crypto::KeyRing& keys, const std::string& vehicle_id, const std::string& raw,
                      std::optional<int> year);
std::string reveal_vin(const crypto::KeyRing& keys, const Vehicle& vehicle);
std::string vin_hmac_of(const crypto::KeyRing& keys, const std::string& normalized);

}  // namespace ltc::vehicles
