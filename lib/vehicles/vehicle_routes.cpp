#include "vehicles/vehicle_routes.hpp"
#include "server/route_binding.hpp"

#include "audit/audit.hpp"
#include "crypto/random.hpp"
#include "db/error_mapping.hpp"
#include "http/collection.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"
#include "publiclink/public_url.hpp"
#include "vehicles/vehicle_access.hpp"
#include "vehicles/vehicle_json.hpp"
#include "vehicles/trust_summary.hpp"
#include "vehicles/vin_protection.hpp"

namespace ltc::vehicles {

namespace {

// The API's Vehicle object: with its public link, and the admin fields for admins.
void write_api_vehicle(http::JsonWriter& writer, const Vehicle& vehicle, const StoredTrust& stored, bool for_admin,
                       const config::WorkerConfig& config) {
    const bool link_live = vehicle.public_token && !vehicle.deleted();  // a deleted vehicle's link answers 404
    VehicleJsonParts parts;
    parts.public_link = PublicLinkState{
        link_live, link_live ? std::optional<std::string>(publiclink::public_url(config, *vehicle.public_token)) : std::nullopt};
    parts.admin_fields = for_admin;
    write_vehicle(writer, vehicle, stored.light, parts);
}

http::Response vehicle_response(int status, server::Services& services, const Vehicle& vehicle, const auth::Caller& caller) {
    const StoredTrust stored = current_trust(services.database, vehicle, server::today(services));
    http::JsonWriter writer;
    write_api_vehicle(writer, vehicle, stored, is_admin(caller), services.config);
    return http::raw_json_response(status, writer.take());
}

http::Response reloaded_vehicle_response(int status, server::Services& services, const std::string& id,
                                         const auth::Caller& caller) {
    const auto vehicle = load_vehicle(services.database.session(), id);
    if (!vehicle) throw http::not_found();
    return vehicle_response(status, services, *vehicle, caller);
}

void record(soci::session& sql, const http::Request& request, const auth::Caller& caller, const std::string& action,
            const std::string& vehicle_id) {
    audit::record(sql, audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, "vehicle",
                                       vehicle_id));
}

http::ApiError vehicle_limit_reached() {
    return http::ApiError(403, "vehicle_limit_reached", "Im kostenlosen Tarif ist ein aktives Fahrzeug möglich.");
}

http::ApiError vin_already_registered() {
    return http::ApiError(409, "vin_already_registered", "Diese Fahrgestellnummer ist bereits registriert.");
}

http::ApiError invalid_vin() { return http::ApiError(400, "invalid_vin", "Die Fahrgestellnummer ist ungültig."); }

// The free tier: a `user` has at most one active vehicle (creating or restoring).
void check_free_tier(soci::session& sql, const std::string& owner_id, const std::string& owner_role) {
    const long long active = lock_owner_and_count_active(sql, owner_id);
    if (owner_role == "user" && active >= 1) throw vehicle_limit_reached();
}

http::Response create_vehicle(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const trust::CivilDate today = server::today(services);
    const VehicleInput input = read_vehicle_input(http::json_body(request), today.year + 1);
    if (!input.vin.value || input.vin_not_a_string) throw invalid_vin();
    const VehicleFields fields = apply_input(VehicleFields{}, input);
    const std::string id = crypto::random_uuid();
    const StoredVin vin = protect_vin(services.keys, id, *input.vin.value, fields.year);

    services.database.transaction([&](soci::session& tx) {
        check_free_tier(tx, caller.session.user_id, caller.session.role);
        if (vin_registered(tx, vin.hmac)) throw vin_already_registered();
        insert_vehicle(tx, id, caller.session.user_id, vin, fields, services.keys.version());
        refresh_trust_summary(tx, id, today);
        record(tx, request, caller, "VEHICLE_CREATED", id);
    });
    return reloaded_vehicle_response(201, services, id, caller);
}

// The admins' listings (?all=1, ?deleted=1); everyone else sees their own active vehicles.
VehicleListing listing_of(const http::Request& request, const auth::Caller& caller) {
    if (is_admin(caller) && request.query_param("deleted") == "1") return VehicleListing::all_deleted;
    if (is_admin(caller) && request.query_param("all") == "1") return VehicleListing::all_active;
    return VehicleListing::own_active;
}

// The own listing goes with the caller lookup, found by the token's hash. Whatever could be
// refused (a bad page, an admin's listing) reads nothing early: the handler decides as before.
std::vector<db::NamedStatement> list_early_reads(const http::Request& request, const server::Services& services) {
    if (request.query_param("deleted") || request.query_param("all")) return {};
    bool via_cookie = false;
    const auto token = auth::presented_token(request, via_cookie);
    if (!token) return {};
    try {
        return {{"own_vehicles", own_vehicles_by_session_statement(auth::token_hash(services.keys, *token),
                                                                   http::read_page(request))}};
    } catch (const http::ApiError&) {
        return {};
    }
}

http::Response list(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const http::Page page = http::read_page(request);
    const VehicleListing listing = listing_of(request, caller);
    const auto early = listing == VehicleListing::own_active ? auth::early_read(request, "own_vehicles") : std::nullopt;
    const auto vehicles = early ? read_vehicles(*early)
                                : list_vehicles(services.database.session(), listing, caller.session.user_id, page);
    const trust::CivilDate today = server::today(services);
    return http::raw_json_response(200, http::page_text(vehicles.size(), page, [&](http::JsonWriter& writer, std::size_t i) {
                                        write_api_vehicle(writer, vehicles[i], current_trust(services.database, vehicles[i], today),
                                                          is_admin(caller), services.config);
                                    }));
}

http::Response get(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller, DeletedVehicles::visible_to_admins);
    return vehicle_response(200, services, vehicle, caller);
}

// The VIN after a PATCH: unchanged, re-protected for a changed year, or a new one (admins need a
// step-up; owners may only while the vehicle has no entries, so a history never moves to another car).
StoredVin patched_vin(server::Services& services, const auth::Caller& caller, const Vehicle& vehicle,
                      const VehicleInput& input, const VehicleFields& fields) {
    if (input.vin.present) {
        if (!input.vin.value || input.vin_not_a_string) throw invalid_vin();
        StoredVin vin = protect_vin(services.keys, vehicle.id, *input.vin.value, fields.year);
        if (vin.hmac == vehicle.vin.hmac) return vehicle.vin;  // unchanged: keep the stored ciphertext
        if (is_admin(caller)) {
            auth::require_step_up(caller);
        } else if (vehicle.has_entries) {
            throw http::ApiError(409, "vin_locked", "Die Fahrgestellnummer kann nach dem ersten Eintrag nicht mehr geändert werden.");
        }
        return vin;
    }
    if (!input.year.present) return vehicle.vin;
    // The stored VIN must still fit the (changed or cleared) year.
    StoredVin vin = protect_vin(services.keys, vehicle.id, reveal_vin(services.keys, vehicle), fields.year);
    vin.ciphertext = vehicle.vin.ciphertext;
    return vin;
}

http::Response patch(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller);
    const trust::CivilDate today = server::today(services);
    const VehicleInput input = read_vehicle_input(http::json_body(request), today.year + 1);
    services.database.transaction([&](soci::session& tx) {
        const Vehicle locked = lock_live_vehicle(tx, vehicle.id);
        const VehicleFields fields = apply_input(locked.fields, input);
        const StoredVin vin = patched_vin(services, caller, locked, input, fields);
        if (vin.hmac != locked.vin.hmac && vin_registered(tx, vin.hmac)) throw vin_already_registered();
        update_vehicle(tx, locked.id, vin, fields);
        refresh_trust_summary(tx, locked.id, today);
        record(tx, request, caller, "VEHICLE_UPDATED", locked.id);
    });
    return reloaded_vehicle_response(200, services, vehicle.id, caller);
}

http::Response remove(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller);
    http::FieldReader fields(http::json_body(request), {"reason"});
    const std::string reason = fields.required_string("reason", 500);
    fields.finish();
    services.database.transaction([&](soci::session& tx) {
        lock_live_vehicle(tx, vehicle.id);  // deleting twice must not restart the restore window
        soft_delete_vehicle(tx, vehicle.id, reason, caller.session.user_id);
        record(tx, request, caller, "VEHICLE_DELETED", vehicle.id);
    });
    return http::no_content();
}

http::Response restore(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller, DeletedVehicles::visible_to_owner_and_admins);
    if (!vehicle.deleted()) return vehicle_response(200, services, vehicle, caller);
    if (!is_admin(caller) && !vehicle.deleted_within_restore_window) {
        throw http::ApiError(403, "restore_period_expired", "Gelöschte Fahrzeuge können nur 30 Tage lang wiederhergestellt werden.");
    }
    services.database.transaction([&](soci::session& tx) {
        check_free_tier(tx, vehicle.owner_id, vehicle.owner_role);
        const auto locked = lock_vehicle(tx, vehicle.id);
        if (!locked || !locked->deleted()) return;  // restored meanwhile: nothing to do
        if (vin_registered(tx, vehicle.vin.hmac)) throw vin_already_registered();
        restore_vehicle(tx, vehicle.id);
        record(tx, request, caller, "VEHICLE_RESTORED", vehicle.id);
    });
    return reloaded_vehicle_response(200, services, vehicle.id, caller);
}

http::Response trust_of(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller, DeletedVehicles::visible_to_admins);
    return http::raw_json_response(200, current_trust(services.database, vehicle, server::today(services)).summary_json);
}

}  // namespace

void register_vehicle_routes(http::Router& router, server::Services& services) {
    db::register_conflict_code("vehicles_vin_hmac_active_key", "vin_already_registered");
    audit::allow_meta_keys({"route"});
    server::add_routes(router, services, {
        {"POST", "/api/vehicles", auth::Access::product, create_vehicle},
        {"GET", "/api/vehicles", auth::Access::product, list, list_early_reads},
        {"GET", "/api/vehicles/{id}", auth::Access::product, get, vehicle_early_reads},
        {"PATCH", "/api/vehicles/{id}", auth::Access::product, patch},
        {"DELETE", "/api/vehicles/{id}", auth::Access::product, remove},
        {"POST", "/api/vehicles/{id}/restore", auth::Access::product, restore},
        {"GET", "/api/vehicles/{id}/trust", auth::Access::product, trust_of},
    });
}

}  // namespace ltc::vehicles
