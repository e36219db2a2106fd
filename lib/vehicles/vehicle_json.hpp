#pragma once
// The Vehicle object of API.md, shared by the vehicle routes and the exports: the facts and the
// light always; the full VIN, the public link and the admin fields only where the caller adds them.
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "http/json_writer.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::vehicles {

// The vehicle's public_link object: {"enabled": …, "url": … or null}.
struct PublicLinkState {
    bool enabled = false;
    std::optional<std::string> url;
};

struct VehicleJsonParts {
    std::optional<std::string> full_vin;          // after "id" (the full export)
    std::optional<PublicLinkState> public_link;   // after "trust" when set (the API's vehicle)
    bool admin_fields = false;                    // owner_id, deleted_at, delete_reason at the end
};

// The Vehicle object, written once (write_vehicle); as text for the answers, as a Poco object
// for the documents that embed it (exports).
void write_vehicle(http::JsonWriter& writer, const Vehicle& vehicle, const std::string& light,
                   const VehicleJsonParts& parts);
std::string vehicle_text(const Vehicle& vehicle, const std::string& light, const VehicleJsonParts& parts);
Poco::JSON::Object::Ptr vehicle_json(const Vehicle& vehicle, const std::string& light, const VehicleJsonParts& parts);

}  // namespace ltc::vehicles
