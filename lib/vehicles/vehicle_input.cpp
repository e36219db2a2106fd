#include "vehicles/vehicle_input.hpp"

#include <set>

#include "http/json_fields.hpp"

namespace ltc::vehicles {

namespace {
const std::set<std::string> vehicle_classes = {"hypercar", "sport", "luxus", "alltag", "nutzfahrzeug", "oldtimer"};
const std::set<std::string> accident_statuses = {"unfallfrei", "nicht_unfallfrei", "unbekannt"};

bool sent(const Poco::JSON::Object::Ptr& body, const std::string& name) { return body->has(name); }

Sent<std::string> text_field(http::FieldReader& fields, const Poco::JSON::Object::Ptr& body, const std::string& name,
                             std::size_t max_length, const std::set<std::string>* allowed = nullptr) {
    Sent<std::string> result;
    result.present = sent(body, name);
    if (!result.present) return result;
    result.value = fields.optional_string(name, max_length);
    if (result.value && allowed != nullptr && !allowed->contains(*result.value)) fields.fail(name, "invalid");
    if (result.value && result.value->empty()) result.value.reset();  // an empty string clears like null
    return result;
}
}  // namespace

VehicleInput read_vehicle_input(const Poco::JSON::Object::Ptr& body, int max_year) {
    http::FieldReader fields(body, {"vin", "nickname", "vehicle_class", "make", "model", "year", "engine",
                                    "accident_status", "accident_closed"});
    VehicleInput input;
    input.vin.present = sent(body, "vin");
    if (input.vin.present) {
        const Poco::Dynamic::Var vin = body->get("vin");
        if (vin.isString()) {
            input.vin.value = vin.extract<std::string>();
        } else {
            input.vin_not_a_string = true;
        }
    }
    input.nickname = text_field(fields, body, "nickname", 60);
    input.vehicle_class = text_field(fields, body, "vehicle_class", 60, &vehicle_classes);
    input.make = text_field(fields, body, "make", 60);
    input.model = text_field(fields, body, "model", 60);
    input.engine = text_field(fields, body, "engine", 60);
    input.accident_status = text_field(fields, body, "accident_status", 60, &accident_statuses);

    input.year.present = sent(body, "year");
    if (const auto year = fields.optional_integer("year", 1886, max_year)) input.year.value = static_cast<int>(*year);
    input.accident_closed.present = sent(body, "accident_closed");
    if (input.accident_closed.present) input.accident_closed.value = fields.optional_bool("accident_closed");
    fields.finish();
    return input;
}

VehicleFields apply_input(VehicleFields current, const VehicleInput& input) {
    const auto apply = [](auto& target, const auto& field) {
        if (field.present) target = field.value;
    };
    apply(current.nickname, input.nickname);
    apply(current.vehicle_class, input.vehicle_class);
    apply(current.make, input.make);
    apply(current.model, input.model);
    apply(current.engine, input.engine);
    apply(current.year, input.year);
    if (input.accident_status.present) current.accident_status = input.accident_status.value.value_or("unbekannt");
    if (input.accident_closed.present) current.accident_closed = input.accident_closed.value.value_or(false);
    // Stored only for nicht_unfallfrei (API.md).
    if (current.accident_status != "nicht_unfallfrei") current.accident_closed = false;
    return current;
}

}  // namespace ltc::vehicles
