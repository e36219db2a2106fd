#pragma once
// public_links in PostgreSQL: every statement about the public link lives here.
#include <optional>
#include <string>

#include <soci/soci.h>

#include "publiclink/public_json.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::publiclink {

// What the public answer is rendered from, in one row: the vehicle's public facts, its stored
// summary and the generation of that state (sql/V015__public_pages.sql).
struct PublicRecord {
    std::string vehicle_id;
    PublicVehicle vehicle;
    std::optional<vehicles::StoredTrust> trust;
    long long page_generation = 0;
};

// The public answer as rendered before; no body when it must be rendered again.
struct PublicPage {
    std::optional<std::string> body;
    std::optional<std::string> valid_until;
    std::optional<std::string> release;
};

// One probe of the token index; nothing for an unknown token. A deleted vehicle's link has no
// page (find_public_record then finds nothing).
std::optional<PublicPage> find_public_page(soci::session& sql, const std::string& token);

// Keeps the answer rendered from the state of `generation`; does nothing when that state has
// changed since (a writer's trigger moved the generation on).
void store_public_page(soci::session& sql, const std::string& token, long long generation, const std::string& body,
                       const std::optional<std::string>& valid_until, const std::string& release);

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
