#include "publiclink/public_json.hpp"

#include <algorithm>
#include <stdexcept>

#include <Poco/JSON/Parser.h>

#include "publiclink/german_labels.hpp"

namespace ltc::publiclink {

const std::string disclaimer =
    "Die Trust-Ampel bewertet ausschließlich die Dokumentations- und Nachweisqualität. Sie ist keine Aussage über "
    "den technischen Zustand des Fahrzeugs.";

namespace {
Poco::Dynamic::Var nullable(const std::optional<std::string>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

bool has_digit(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool digit_in(const Poco::Dynamic::Var& value) {
    if (value.isEmpty()) return false;
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        const auto object = value.extract<Poco::JSON::Object::Ptr>();
        for (const auto& [key, member] : *object) {
            if (has_digit(key) || digit_in(member)) return true;
        }
        return false;
    }
    if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        const auto array = value.extract<Poco::JSON::Array::Ptr>();
        for (const auto& item : *array) {
            if (digit_in(item)) return true;
        }
        return false;
    }
    if (value.isBoolean()) return false;
    return has_digit(value.convert<std::string>());  // numbers are digits by nature
}
}  // namespace

Poco::JSON::Object::Ptr public_json(const PublicVehicle& vehicle, const std::string& trust_summary_json) {
    Poco::JSON::Parser parser;
    const auto summary = parser.parse(trust_summary_json).extract<Poco::JSON::Object::Ptr>();

    Poco::JSON::Object::Ptr facts = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    facts->set("vehicle_class", nullable(vehicle.vehicle_class));
    facts->set("make", nullable(vehicle.make));
    facts->set("model", nullable(vehicle.model));
    facts->set("year", vehicle.year ? Poco::Dynamic::Var(*vehicle.year) : Poco::Dynamic::Var());
    facts->set("engine", nullable(vehicle.engine));
    facts->set("vin_masked", vehicle.vin_masked);

    Poco::JSON::Object::Ptr answer = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    answer->set("trust_light", summary->getValue<std::string>("light"));
    answer->set("sentence", summary->getValue<std::string>("sentence"));
    answer->set("hint", summary->getValue<std::string>("hint"));
    answer->set("indicators", summary->getObject("indicators"));
    answer->set("accident_status_label", accident_label(vehicle.accident_status));
    answer->set("vehicle", facts);
    answer->set("disclaimer", disclaimer);
    if (digit_outside_vehicle(answer)) throw std::logic_error("public answer would show a digit outside vehicle");
    return answer;
}

bool digit_outside_vehicle(const Poco::JSON::Object::Ptr& answer) {
    for (const auto& [key, member] : *answer) {
        if (key == "vehicle") continue;
        if (has_digit(key) || digit_in(member)) return true;
    }
    return false;
}

}  // namespace ltc::publiclink
