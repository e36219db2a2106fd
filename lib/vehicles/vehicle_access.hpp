#pragma once
// Object scope for vehicles (API.md order of checks, step 4): another owner's vehicle and an
// unknown id answer 404 alike, and both leave an ACCESS_DENIED audit row.
#include <string>
#include <vector>

#include "auth/authenticate.hpp"
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

}  // namespace ltc::vehicles
