#pragma once
// Gathers the facts of one vehicle from the database and asks the pure trust function.
#include <string>
#include <vector>

#include <soci/soci.h>

#include "trust/trust_light.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::vehicles {

// The facts of the trust function for this vehicle (its latest entries, accident fields, owner role).
trust::TrustInput trust_input(soci::session& sql, const Vehicle& vehicle, const trust::CivilDate& today);

// The same in parts, for a batch: the two statements that read the documents' and the entries'
// facts, and the input made of their results (in that order) and the vehicle's own facts.
std::vector<db::Statement> trust_fact_statements(const std::string& vehicle_id);
trust::TrustInput trust_input_from(const LockedTrustFacts& vehicle, const db::Result& documents,
                                   const db::Result& entries, const trust::CivilDate& today);

// {"light","sentence","hint","reasons":[…],"indicators":{…},"counts":{…}} as JSON text.
std::string trust_json(const trust::TrustResult& result);

}  // namespace ltc::vehicles
