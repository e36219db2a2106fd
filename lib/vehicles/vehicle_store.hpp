#pragma once
// Vehicles in PostgreSQL. The VIN is stored encrypted, as an HMAC and as its mask.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "db/page.hpp"
#include "db/query.hpp"
#include "vehicles/vehicle_input.hpp"

namespace ltc::vehicles {

struct StoredVin {
    std::string ciphertext;
    std::string hmac;
    std::string masked;
    std::optional<bool> check_digit_valid;
};

// The stored trust summary of a vehicle (vehicle_trust), read with the vehicle.
struct StoredTrust {
    std::string light;
    std::string summary_json;                 // the body of GET /api/vehicles/{id}/trust
    std::optional<std::string> valid_until;   // YYYY-MM-DD; from then on it must be re-derived
};

struct Vehicle {
    std::string id;
    std::string owner_id;
    std::string owner_role;
    StoredVin vin;
    VehicleFields fields;
    std::string created_at;
    std::string updated_at;
    std::optional<std::string> deleted_at;
    std::optional<std::string> delete_reason;
    bool deleted_within_restore_window = false;  // deleted less than 30 days ago
    bool has_entries = false;                     // entries ever written, deleted ones included
    std::optional<StoredTrust> trust;             // nothing until first derived
    std::optional<std::string> public_token;      // the public QR link's token while it is on
    bool deleted() const { return deleted_at.has_value(); }
};

enum class VehicleListing { own_active, all_active, all_deleted };

std::optional<Vehicle> load_vehicle(soci::session& sql, const std::string& id);
// load_vehicle in two parts, for sending it along with other statements (db::query_all).
db::Statement vehicle_statement(const std::string& id);
std::optional<Vehicle> first_vehicle(const db::Result& result);
std::vector<Vehicle> list_vehicles(soci::session& sql, VehicleListing listing, const std::string& owner_id,
                                   const db::Page& page);
// The own_active listing found by the session token's hash (V017), for an early read, and the
// reading of any listing's rows.
db::Statement own_vehicles_by_session_statement(const std::string& token_hash, const db::Page& page);
std::vector<Vehicle> read_vehicles(const db::Result& rows);

// Row locks on the vehicle, so writes to it (and re-derivations of its trust summary) serialise
// and re-check its state inside their transaction. nullopt when it does not exist.
std::optional<Vehicle> lock_vehicle(soci::session& sql, const std::string& id);
// Its statements, for a batch: the row lock, then the vehicle's row (read with first_vehicle).
std::vector<db::Statement> lock_vehicle_statements(const std::string& id);
void lock_vehicle_shared(soci::session& sql, const std::string& id);

// What a write to the vehicle's history needs of the vehicle itself: whether it is live, and the
// facts of its trust summary that are not entries or documents.
struct LockedTrustFacts {
    bool deleted = false;
    std::string accident_status;
    bool accident_closed = false;
    std::string owner_role;
};
// The row lock and those facts in one statement (the full row of lock_vehicle_statements is not
// needed there); read with read_locked_trust_facts, nullopt when there is no such vehicle.
db::Statement lock_trust_facts_statement(const std::string& id);
std::optional<LockedTrustFacts> read_locked_trust_facts(const db::Result& result);

// Takes a row lock on the owner, so two creations or restores cannot both pass the free-tier check.
long long lock_owner_and_count_active(soci::session& sql, const std::string& owner_id);
bool vin_registered(soci::session& sql, const std::string& vin_hmac);

// `id` is chosen by the caller: the VIN is sealed for that row before the INSERT.
void insert_vehicle(soci::session& sql, const std::string& id, const std::string& owner_id, const StoredVin& vin,
                    const VehicleFields& fields, int key_version);
void update_vehicle(soci::session& sql, const std::string& id, const StoredVin& vin, const VehicleFields& fields);
void soft_delete_vehicle(soci::session& sql, const std::string& id, const std::string& reason, const std::string& by);
void restore_vehicle(soci::session& sql, const std::string& id);
// The redeemed transfer: the vehicle belongs to the new owner from this transaction on.
void change_owner(soci::session& sql, const std::string& id, const std::string& new_owner_id);

}  // namespace ltc::vehicles
