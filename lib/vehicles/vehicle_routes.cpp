#include "vehicles/vehicle_routes.hpp"
#include "server/route_binding.hpp"

#include "audit/audit.hpp"
#include "db/clock.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"
#include "vehicles/vehicle_access.hpp"
#include "vehicles/vehicle_trust.hpp"
#include "vehicles/vin_protection.hpp"

namespace ltc::vehicles {

namespace {

Poco::Dynamic::Var nullable(const std::optional<std::string>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr vehicle_json(soci::session& sql, const Vehicle& vehicle, const trust::CivilDate& today,
                                     bool for_admin) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", vehicle.id);
    json->set("vin_masked", vehicle.vin.masked);
    json->set("vin_check_digit_valid",
              vehicle.vin.check_digit_valid ? Poco::Dynamic::Var(*vehicle.vin.check_digit_valid) : Poco::Dynamic::Var());
    json->set("nickname", nullable(vehicle.fields.nickname));
    json->set("vehicle_class", nullable(vehicle.fields.vehicle_class));
    json->set("make", nullable(vehicle.fields.make));
    json->set("model", nullable(vehicle.fields.model));
    json->set("year", vehicle.fields.year ? Poco::Dynamic::Var(*vehicle.fields.year) : Poco::Dynamic::Var());
    json->set("engine", nullable(vehicle.fields.engine));
    json->set("accident_status", vehicle.fields.accident_status);
    json->set("accident_closed", vehicle.fields.accident_closed);
    json->set("created_at", vehicle.created_at);
    json->set("updated_at", vehicle.updated_at);
    Poco::JSON::Object::Ptr trust = new Poco::JSON::Object();
    trust->set("light", std::string(trust::to_string(vehicle_trust(sql, vehicle, today).light)));
    json->set("trust", trust);
    Poco::JSON::Object::Ptr link = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    link->set("enabled", false);  // public links come with their own issue
    link->set("url", Poco::Dynamic::Var());
    json->set("public_link", link);
    if (for_admin) {
        json->set("owner_id", vehicle.owner_id);
        json->set("deleted_at", nullable(vehicle.deleted_at));
        json->set("delete_reason", nullable(vehicle.delete_reason));
    }
    return json;
}

http::Response vehicle_response(int status, server::Services& services, const std::string& id, const auth::Caller& caller) {
    soci::session& sql = services.database.session();
    const auto vehicle = load_vehicle(sql, id);
    return http::json_response(status, vehicle_json(sql, *vehicle, db::today_in_berlin(sql), is_admin(caller)));
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

// The free tier: a `user` has at most one active vehicle (creating or restoring).
void check_free_tier(soci::session& sql, const std::string& owner_id, const std::string& owner_role) {
    const long long active = lock_owner_and_count_active(sql, owner_id);
    if (owner_role == "user" && active >= 1) throw vehicle_limit_reached();
}

http::Response create_vehicle(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    soci::session& sql = services.database.session();
    const trust::CivilDate today = db::today_in_berlin(sql);
    const VehicleInput input = read_vehicle_input(http::json_body(request), today.year + 1);
    if (!input.vin.value || input.vin_not_a_string) throw http::ApiError(400, "invalid_vin", "Die Fahrgestellnummer ist ungültig.");
    const VehicleFields fields = apply_input(VehicleFields{}, input);
    const StoredVin vin = protect_vin(services.keys, *input.vin.value, fields.year);

    std::string id;
    services.database.transaction([&](soci::session& tx) {
        check_free_tier(tx, caller.session.user_id, caller.session.role);
        if (vin_registered(tx, vin.hmac)) throw vin_already_registered();
        id = insert_vehicle(tx, caller.session.user_id, vin, fields, services.keys.version());
        record(tx, request, caller, "VEHICLE_CREATED", id);
    });
    return vehicle_response(201, services, id, caller);
}

http::Response list(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const http::Page page = http::read_page(request);
    VehicleListing listing = VehicleListing::own_active;
    if (is_admin(caller) && request.query_param("deleted") == "1") {
        listing = VehicleListing::all_deleted;
    } else if (is_admin(caller) && request.query_param("all") == "1") {
        listing = VehicleListing::all_active;
    }
    soci::session& sql = services.database.session();
    const trust::CivilDate today = db::today_in_berlin(sql);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& vehicle : list_vehicles(sql, listing, caller.session.user_id, page)) {
        items->add(vehicle_json(sql, vehicle, today, is_admin(caller)));
    }
    return http::json_response(200, http::page_json(items, page));
}

http::Response get(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller, DeletedVehicles::visible_to_admins);
    soci::session& sql = services.database.session();
    return http::json_response(200, vehicle_json(sql, vehicle, db::today_in_berlin(sql), is_admin(caller)));
}

http::Response patch(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller);
    soci::session& sql = services.database.session();
    const trust::CivilDate today = db::today_in_berlin(sql);
    const VehicleInput input = read_vehicle_input(http::json_body(request), today.year + 1);
    const VehicleFields fields = apply_input(vehicle.fields, input);

    StoredVin vin = vehicle.vin;
    if (input.vin.present) {
        if (!input.vin.value || input.vin_not_a_string) throw http::ApiError(400, "invalid_vin", "Die Fahrgestellnummer ist ungültig.");
        vin = protect_vin(services.keys, *input.vin.value, fields.year);
        if (vin.hmac != vehicle.vin.hmac) {
            // A VIN change must not move a history onto another car: admins need a step-up,
            // owners may only while the vehicle has no entries.
            if (is_admin(caller)) {
                auth::require_step_up(caller);
            } else if (vehicle.entry_count > 0) {
                throw http::ApiError(409, "vin_locked", "Die Fahrgestellnummer kann nach dem ersten Eintrag nicht mehr geändert werden.");
            }
        } else {
            vin = vehicle.vin;  // unchanged: keep the stored ciphertext
        }
    } else if (input.year.present) {
        // The stored VIN must still fit the (changed or cleared) year.
        vin = protect_vin(services.keys, reveal_vin(services.keys, vehicle.vin), fields.year);
        vin.ciphertext = vehicle.vin.ciphertext;
    }

    services.database.transaction([&](soci::session& tx) {
        if (vin.hmac != vehicle.vin.hmac && vin_registered(tx, vin.hmac)) throw vin_already_registered();
        update_vehicle(tx, vehicle.id, vin, fields);
        record(tx, request, caller, "VEHICLE_UPDATED", vehicle.id);
    });
    return vehicle_response(200, services, vehicle.id, caller);
}

http::Response remove(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller);
    http::FieldReader fields(http::json_body(request), {"reason"});
    const std::string reason = fields.required_string("reason", 500);
    fields.finish();
    services.database.transaction([&](soci::session& tx) {
        soft_delete_vehicle(tx, vehicle.id, reason, caller.session.user_id);
        record(tx, request, caller, "VEHICLE_DELETED", vehicle.id);
    });
    return http::no_content();
}

http::Response restore(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller, DeletedVehicles::visible_to_owner_and_admins);
    if (!vehicle.deleted()) return vehicle_response(200, services, vehicle.id, caller);
    if (!is_admin(caller) && !vehicle.deleted_within_restore_window) {
        throw http::ApiError(403, "restore_period_expired", "Gelöschte Fahrzeuge können nur 30 Tage lang wiederhergestellt werden.");
    }
    services.database.transaction([&](soci::session& tx) {
        check_free_tier(tx, vehicle.owner_id, vehicle.owner_role);
        if (vin_registered(tx, vehicle.vin.hmac)) throw vin_already_registered();
        restore_vehicle(tx, vehicle.id);
        record(tx, request, caller, "VEHICLE_RESTORED", vehicle.id);
    });
    return vehicle_response(200, services, vehicle.id, caller);
}

http::Response trust_of(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Vehicle vehicle = require_vehicle(request, services, caller, DeletedVehicles::visible_to_admins);
    soci::session& sql = services.database.session();
    return http::json_response(200, trust_json(vehicle_trust(sql, vehicle, db::today_in_berlin(sql))));
}

}  // namespace

void register_vehicle_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"POST", "/api/vehicles", create_vehicle},
        {"GET", "/api/vehicles", list},
        {"GET", "/api/vehicles/{id}", get},
        {"PATCH", "/api/vehicles/{id}", patch},
        {"DELETE", "/api/vehicles/{id}", remove},
        {"POST", "/api/vehicles/{id}/restore", restore},
        {"GET", "/api/vehicles/{id}/trust", trust_of},
    });
}

}  // namespace ltc::vehicles
