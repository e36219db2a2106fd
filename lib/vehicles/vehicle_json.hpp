#pragma once
// The Vehicle object of API.md, shared by the vehicle routes and the exports: the facts and the
// light always; the full VIN, the public link and the admin fields only where the caller adds them.
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "vehicles/vehicle_store.hpp"

namespace ltc::vehicles {

struct VehicleJsonParts {
    std::optional<std::string> full_vin;       // after "id" (the full export)
    Poco::JSON::Object::Ptr public_link;       // after "trust" when set (the API's vehicle)
    bool admin_fields = false;                 // owner_id, deleted_at, delete_reason at the end
};

Poco::JSON::Object::Ptr vehicle_json(const Vehicle& vehicle, const std::string& light, const VehicleJsonParts& parts);

}  // namespace ltc::vehicles
