#include "vehicles/trust_summary.hpp"

#include "db/query.hpp"
#include "trust/berlin_date.hpp"
#include "vehicles/vehicle_trust.hpp"

namespace ltc::vehicles {

namespace {
StoredTrust derive(const trust::TrustInput& input) {
    const trust::TrustResult result = trust::compute_trust(input);
    const auto changes_on = trust::result_changes_on(input);
    return StoredTrust{std::string(trust::to_string(result.light)), trust_json(result),
                       changes_on ? std::optional<std::string>(trust::format_iso_date(*changes_on)) : std::nullopt};
}
}  // namespace

StoredTrust refresh_trust_summary(soci::session& sql, const std::string& vehicle_id, const trust::CivilDate& today) {
    const auto vehicle = load_vehicle(sql, vehicle_id);
    if (!vehicle) throw std::logic_error("trust summary of a vehicle that does not exist");
    return refresh_trust_summary(sql, *vehicle, today);
}

StoredTrust refresh_trust_summary(soci::session& sql, const Vehicle& locked, const trust::CivilDate& today) {
    return store_trust_summary(sql, locked.id, trust_input(sql, locked, today));
}

StoredTrust store_trust_summary(soci::session& sql, const std::string& vehicle_id, const trust::TrustInput& input) {
    StoredTrust stored = derive(input);
    db::execute_later(sql, {"INSERT INTO vehicle_trust (vehicle_id, light, summary, valid_until)"
                            " VALUES ($1::uuid, $2, $3::json, $4::date) ON CONFLICT (vehicle_id) DO UPDATE SET"
                            " light = EXCLUDED.light, summary = EXCLUDED.summary, valid_until = EXCLUDED.valid_until,"
                            " computed_at = now()",
                            {vehicle_id, stored.light, stored.summary_json, stored.valid_until}});
    return stored;
}

StoredTrust refresh_trust_summary(soci::session& sql, const std::string& vehicle_id) {
    return refresh_trust_summary(sql, vehicle_id, trust::berlin_today());
}

bool date_holds(const std::optional<std::string>& valid_until, const trust::CivilDate& today) {
    if (!valid_until) return true;
    const auto until = trust::parse_iso_date(*valid_until);
    return until && today < *until;
}

bool summary_holds(const std::optional<StoredTrust>& stored, const trust::CivilDate& today) {
    return stored && date_holds(stored->valid_until, today);
}

StoredTrust current_trust(db::Database& database, const Vehicle& vehicle, const trust::CivilDate& today) {
    if (summary_holds(vehicle.trust, today)) return *vehicle.trust;
    StoredTrust stored;
    database.transaction([&](soci::session& tx) {
        lock_vehicle_shared(tx, vehicle.id);
        stored = refresh_trust_summary(tx, vehicle.id, today);
    });
    return stored;
}

void invalidate_owner_trust(soci::session& sql, const std::string& owner_id) {
    db::query(sql, "DELETE FROM vehicle_trust WHERE vehicle_id IN (SELECT id FROM vehicles WHERE owner_id = $1::uuid)",
              {owner_id});
}

std::vector<std::string> stale_summaries(soci::session& sql, const trust::CivilDate& today) {
    std::vector<std::string> stale;
    const auto ids = db::query(sql, "SELECT vehicle_id FROM vehicle_trust ORDER BY vehicle_id");
    for (const auto row : ids) {
        const auto vehicle = load_vehicle(sql, row.text(0));
        if (!vehicle || !vehicle->trust) continue;
        if (!summary_holds(vehicle->trust, today)) continue;  // re-derived on its next read
        const StoredTrust fresh = derive(trust_input(sql, *vehicle, today));
        const bool same = fresh.light == vehicle->trust->light && fresh.valid_until == vehicle->trust->valid_until &&
                          db::query(sql, "SELECT $1::jsonb = $2::jsonb", {fresh.summary_json, vehicle->trust->summary_json})
                              .first()
                              ->flag(0);
        if (!same) stale.push_back(vehicle->id);
    }
    return stale;
}

}  // namespace ltc::vehicles
