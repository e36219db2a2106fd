#pragma once
// Object scope for vehicles (API.md order of checks, step 4): another owner's vehicle and an
// unknown id answer 404 alike, and both leave an ACCESS_DENIED audit row.
#include <string>
#include <vector>

#include "auth/authenticate.hpp"
#include "trust/civil_date.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::vehicles {

enum class DeletedVehicles { hidden, visible_to_admins, visible_to_owner_and_admins };

bool is_admin(const auth::Caller& caller);

Vehicle require_vehicle(const http::Request& request, server::Services& services, const auth::Caller& caller,
                        DeletedVehicles deleted = DeletedVehicles::hidden);

// What the object check needs of a vehicle, and all that routes under it (entries) use of it.
struct VehicleOwnership {
    std::string id;
    std::string owner_id;
    bool deleted = false;
};

// require_vehicle reading only the vehicle's ownership (one index probe instead of the full
// vehicle row with its joins); the same checks, audit rows and 404s.
VehicleOwnership require_vehicle_ownership(const http::Request& request, server::Services& services,
                                           const auth::Caller& caller);
// Its early read (auth::early_read), for the route table.
std::vector<db::NamedStatement> ownership_early_reads(const http::Request& request, const server::Services& services);

// The early read (auth::early_read) of the path's vehicle, for the route table: a route that
// declares it gets its vehicle in the caller lookup's round trip, and require_vehicle uses it.
std::vector<db::NamedStatement> vehicle_early_reads(const http::Request& request, const server::Services& services);

// The vehicle locked for a write, re-checked inside the transaction: gone or deleted meanwhile → 404.
Vehicle lock_live_vehicle(soci::session& sql, const std::string& id);

// A write to the vehicle's entries in one round trip: the vehicle locked and re-checked as
// above, `change` run behind the lock, the trust facts read after it and the re-derived summary
// stored (it travels with the transaction's next round trip). Gone or deleted → 404, and the
// transaction, `change` with it, is undone. Returns `change`'s result.
db::Result change_live_vehicle(soci::session& tx, const std::string& id, const db::Statement& change,
                               const trust::CivilDate& today);

}  // namespace ltc::vehicles
