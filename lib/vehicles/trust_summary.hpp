#pragma once
// The stored trust summary of a vehicle (ARCHITECTURE.md: "the trust summary is stored and
// read, not recomputed"). Every change to what the light depends on calls this in the same
// transaction.
#include <string>

#include <soci/soci.h>

namespace ltc::vehicles {

void refresh_trust_summary(soci::session& sql, const std::string& vehicle_id);

}  // namespace ltc::vehicles
