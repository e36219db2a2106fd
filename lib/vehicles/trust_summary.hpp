#pragma once
// The stored trust summary (table vehicle_trust): written in the same transaction as every
// change that can move the light, read with the vehicle, and re-derived lazily when read on or
// after the date from which its date-dependent part changes. compute_trust stays the one source
// of truth: the summary is always its output for the vehicle's facts.
#include <string>

#include <soci/soci.h>

#include "db/database.hpp"
#include "trust/trust_light.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::vehicles {

// Recomputes the vehicle's summary from its facts and stores it. Call inside the transaction of
// the write, after locking the vehicle (lock_vehicle).
StoredTrust refresh_trust_summary(soci::session& sql, const std::string& vehicle_id, const trust::CivilDate& today);
// The same with the vehicle as the writer locked it (its facts unchanged by the write since).
StoredTrust refresh_trust_summary(soci::session& sql, const Vehicle& locked, const trust::CivilDate& today);
// The same for the process's today (trust::berlin_today), for writers that have no request.
StoredTrust refresh_trust_summary(soci::session& sql, const std::string& vehicle_id);
// The summary of facts already read (trust_input_from), stored.
StoredTrust store_trust_summary(soci::session& sql, const std::string& vehicle_id, const trust::TrustInput& input);

// Whether something derived from a summary valid until `valid_until` (none: until it changes)
// still holds on `today`.
bool date_holds(const std::optional<std::string>& valid_until, const trust::CivilDate& today);

// Whether a stored summary still holds on `today`.
bool summary_holds(const std::optional<StoredTrust>& stored, const trust::CivilDate& today);

// The vehicle's summary for `today`: the stored one while it holds, else re-derived in a short
// transaction of its own (under a share lock on the vehicle, so it cannot overwrite a newer write).
StoredTrust current_trust(db::Database& database, const Vehicle& vehicle, const trust::CivilDate& today);

// Makes the summaries of an owner's vehicles re-derive on their next read (the owner's role
// feeds the to-dos).
void invalidate_owner_trust(soci::session& sql, const std::string& owner_id);

// Every stored summary compared with a fresh computation: the ids of vehicles whose stored
// summary differs (ltc verify-trust; tests).
std::vector<std::string> stale_summaries(soci::session& sql, const trust::CivilDate& today);

}  // namespace ltc::vehicles
