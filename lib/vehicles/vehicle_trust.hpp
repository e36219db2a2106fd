#pragma once
// Gathers the facts of one vehicle from the database and asks the pure trust function.
#include <string>

#include <soci/soci.h>

#include "trust/trust_light.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::vehicles {

// The facts of the trust function for this vehicle (its latest entries, accident fields, owner role).
trust::TrustInput trust_input(soci::session& sql, const Vehicle& vehicle, const trust::CivilDate& today);

// {"light","sentence","hint","reasons":[…],"indicators":{…},"counts":{…}} as JSON text.
std::string trust_json(const trust::TrustResult& result);

}  // namespace ltc::vehicles
