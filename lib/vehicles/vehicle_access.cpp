#include "vehicles/vehicle_access.hpp"

#include "audit/audit.hpp"
#include "http/api_error.hpp"
#include "http/ids.hpp"
#include "vehicles/trust_summary.hpp"
#include "vehicles/vehicle_trust.hpp"

namespace ltc::vehicles {

bool is_admin(const auth::Caller& caller) { return auth::is_admin_role(caller.session.role); }

namespace {
VehicleOwnership ownership_of(const Vehicle& vehicle) { return {vehicle.id, vehicle.owner_id, vehicle.deleted()}; }

// The object checks for the vehicle of the path's {id} (nullopt: no such vehicle).
void check_scope(const http::Request& request, server::Services& services, const auth::Caller& caller,
                 const std::optional<VehicleOwnership>& vehicle, DeletedVehicles deleted) {
    const std::string id = request.param("id");
    soci::session& sql = services.database.session();
    if (!vehicle || (vehicle->owner_id != caller.session.user_id && !is_admin(caller))) {
        // Committed on its own: the request is refused, the attempt stays on record.
        audit::record(sql, audit::by_actor(caller.session.user_id, caller.session.role, request.request_id,
                                           "ACCESS_DENIED", "vehicle", id, "denied"));
        throw http::not_found();
    }
    if (vehicle->deleted) {
        const bool visible = is_admin(caller) ? deleted != DeletedVehicles::hidden
                                              : deleted == DeletedVehicles::visible_to_owner_and_admins;
        if (!visible) throw http::not_found();
    }
    // Admins may read every vehicle, on record (API.md); their writes are audited by the write.
    if (request.method == "GET" && vehicle->owner_id != caller.session.user_id) {
        auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, "ADMIN_VEHICLE_READ",
                                     "vehicle", id);
        event.meta = {{"route", request.route_template}};
        audit::record(sql, event);
    }
}

db::Statement ownership_statement(const std::string& id) {
    return {"SELECT id::text, owner_id::text, deleted_at IS NOT NULL FROM vehicles WHERE id = $1::uuid", {id}};
}

std::optional<VehicleOwnership> read_ownership(const db::Result& result) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    return VehicleOwnership{row->text(0), row->text(1), row->flag(2)};
}

// The names under which the handlers below find their early reads.
constexpr const char* vehicle_read = "vehicle";
constexpr const char* ownership_read = "vehicle_ownership";

// The path's vehicle read early under `name`, when the path names a vehicle at all.
std::vector<db::NamedStatement> path_vehicle_read(const http::Request& request, const char* name,
                                                  db::Statement (*statement)(const std::string&)) {
    const std::string id = request.param("id");
    if (!http::is_uuid(id)) return {};
    return {{name, statement(id)}};
}
}  // namespace

Vehicle require_vehicle(const http::Request& request, server::Services& services, const auth::Caller& caller,
                        DeletedVehicles deleted) {
    const std::string id = request.param("id");
    if (!http::is_uuid(id)) throw http::not_found();
    const auto vehicle =
        first_vehicle(auth::early_read_or_query(request, vehicle_read, services.database.session(), vehicle_statement(id)));
    check_scope(request, services, caller, vehicle ? std::optional(ownership_of(*vehicle)) : std::nullopt, deleted);
    return *vehicle;
}

VehicleOwnership require_vehicle_ownership(const http::Request& request, server::Services& services,
                                           const auth::Caller& caller) {
    const std::string id = request.param("id");
    if (!http::is_uuid(id)) throw http::not_found();
    const auto ownership = read_ownership(
        auth::early_read_or_query(request, ownership_read, services.database.session(), ownership_statement(id)));
    check_scope(request, services, caller, ownership, DeletedVehicles::hidden);
    return *ownership;
}

std::vector<db::NamedStatement> ownership_early_reads(const http::Request& request, const server::Services&) {
    return path_vehicle_read(request, ownership_read, ownership_statement);
}

std::vector<db::NamedStatement> vehicle_early_reads(const http::Request& request, const server::Services&) {
    return path_vehicle_read(request, vehicle_read, vehicle_statement);
}

namespace {
Vehicle live_or_not_found(const std::optional<Vehicle>& vehicle) {
    if (!vehicle || vehicle->deleted()) throw http::not_found();
    return *vehicle;
}
}  // namespace

Vehicle lock_live_vehicle(soci::session& sql, const std::string& id) { return live_or_not_found(lock_vehicle(sql, id)); }

db::Result change_live_vehicle(soci::session& tx, const std::string& id, const db::Statement& change,
                               const trust::CivilDate& today) {
    std::vector<db::Statement> statements{lock_trust_facts_statement(id), change};  // results 0 (lock), 1
    for (auto& read : trust_fact_statements(id)) statements.push_back(std::move(read));  // 2, 3
    const auto results = db::query_all(tx, statements);
    const auto locked = read_locked_trust_facts(results[0]);
    if (!locked || locked->deleted) throw http::not_found();
    store_trust_summary(tx, id, trust_input_from(*locked, results[2], results[3], today));
    return results[1];
}

}  // namespace ltc::vehicles
