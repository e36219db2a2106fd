#include "vehicles/vehicle_json.hpp"

#include <Poco/JSON/Parser.h>

namespace ltc::vehicles {

void write_vehicle(http::JsonWriter& writer, const Vehicle& vehicle, const std::string& light,
                   const VehicleJsonParts& parts) {
    writer.begin_object().key("id").value(vehicle.id);
    if (parts.full_vin) writer.key("vin").value(*parts.full_vin);
    writer.key("vin_masked").value(vehicle.vin.masked)
        .key("vin_check_digit_valid").value(vehicle.vin.check_digit_valid)
        .key("nickname").value(vehicle.fields.nickname)
        .key("vehicle_class").value(vehicle.fields.vehicle_class)
        .key("make").value(vehicle.fields.make)
        .key("model").value(vehicle.fields.model)
        .key("year").value(vehicle.fields.year)
        .key("engine").value(vehicle.fields.engine)
        .key("accident_status").value(vehicle.fields.accident_status)
        .key("accident_closed").value(vehicle.fields.accident_closed)
        .key("created_at").value(vehicle.created_at)
        .key("updated_at").value(vehicle.updated_at)
        .key("trust").begin_object().key("light").value(light).end_object();
    if (parts.public_link) {
        writer.key("public_link").begin_object()
            .key("enabled").value(parts.public_link->enabled)
            .key("url").value(parts.public_link->url)
            .end_object();
    }
    if (parts.admin_fields) {
        writer.key("owner_id").value(vehicle.owner_id)
            .key("deleted_at").value(vehicle.deleted_at)
            .key("delete_reason").value(vehicle.delete_reason);
    }
    writer.end_object();
}

std::string vehicle_text(const Vehicle& vehicle, const std::string& light, const VehicleJsonParts& parts) {
    http::JsonWriter writer;
    write_vehicle(writer, vehicle, light, parts);
    return writer.take();
}

Poco::JSON::Object::Ptr vehicle_json(const Vehicle& vehicle, const std::string& light, const VehicleJsonParts& parts) {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));  // true: keep the key order
    return parser.parse(vehicle_text(vehicle, light, parts)).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace ltc::vehicles
