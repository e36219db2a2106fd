#include "vehicles/vehicle_json.hpp"

namespace ltc::vehicles {

namespace {
Poco::Dynamic::Var nullable(const std::optional<std::string>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}
}  // namespace

Poco::JSON::Object::Ptr vehicle_json(const Vehicle& vehicle, const std::string& light, const VehicleJsonParts& parts) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", vehicle.id);
    if (parts.full_vin) json->set("vin", *parts.full_vin);
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
    trust->set("light", light);
    json->set("trust", trust);
    if (parts.public_link) json->set("public_link", parts.public_link);
    if (parts.admin_fields) {
        json->set("owner_id", vehicle.owner_id);
        json->set("deleted_at", nullable(vehicle.deleted_at));
        json->set("delete_reason", nullable(vehicle.delete_reason));
    }
    return json;
}

}  // namespace ltc::vehicles
