#pragma once
// Gathers the facts of one vehicle from the database and asks the pure trust function.
#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include "trust/trust_light.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::vehicles {

trust::TrustResult vehicle_trust(soci::session& sql, const Vehicle& vehicle, const trust::CivilDate& today);

// {"light","sentence","hint","reasons":[…],"indicators":{…},"counts":{…}}
Poco::JSON::Object::Ptr trust_json(const trust::TrustResult& result);

}  // namespace ltc::vehicles
