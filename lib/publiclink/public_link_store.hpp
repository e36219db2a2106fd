#pragma once
// public_links in PostgreSQL: every statement about the public link lives here.
#include <optional>
#include <string>

#include <soci/soci.h>

#include "publiclink/public_json.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::publiclink {

// What the public read needs, in one row: the vehicle's public facts and its stored summary.
struct PublicRecord {
    std::string vehicle_id;
    PublicVehicle vehicle;
    std::optional<vehicles::StoredTrust> trust;
};

// One probe of the token index; nothing for an unknown token or a deleted vehicle.
std::optional<PublicRecord> find_public_record(soci::session& sql, const std::string& token);

// Turns the link on with this token, or replaces the current token (rotate). Call inside the
// transaction that locked the vehicle.
void put_token(soci::session& sql, const std::string& vehicle_id, const std::string& token);

// Turns the link off; false when it was off.
bool delete_link(soci::session& sql, const std::string& vehicle_id);

// A new token for a link that is on (the old one is dead at once); no-op when the link is off.
// For the ownership transfer (PRODUCT.md §10), inside its transaction. True when rotated.
bool rotate_public_link(soci::session& sql, const std::string& vehicle_id);

}  // namespace ltc::publiclink
