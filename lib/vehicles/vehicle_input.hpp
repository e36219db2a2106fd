#pragma once
// The vehicle body of POST and PATCH /api/vehicles: which fields were sent, and their values
// (null clears on PATCH). Field rules from API.md; the VIN is checked separately (invalid_vin).
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

namespace ltc::vehicles {

template <typename T>
struct Sent {
    bool present = false;
    std::optional<T> value;  // nullopt with present: JSON null
};

struct VehicleInput {
    Sent<std::string> vin;
    bool vin_not_a_string = false;
    Sent<std::string> nickname, vehicle_class, make, model, engine, accident_status;
    Sent<int> year;
    Sent<bool> accident_closed;
};

struct VehicleFields {
    std::optional<std::string> nickname, vehicle_class, make, model, engine;
    std::optional<int> year;
    std::string accident_status = "unbekannt";
    bool accident_closed = false;
};

// Throws validation_failed for every field but the VIN; max_year is this year + 1.
VehicleInput read_vehicle_input(const Poco::JSON::Object::Ptr& body, int max_year);

// The fields after applying the input to `current` (the defaults when creating).
VehicleFields apply_input(VehicleFields current, const VehicleInput& input);

}  // namespace ltc::vehicles
