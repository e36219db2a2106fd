#pragma once
// Gathers what an export holds and renders it (export_json.hpp).
#include <string>

#include <Poco/JSON/Object.h>

#include "server/services.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::exports {

// {"format":"ltc-vehicle-export","version":1,"exported_at","vehicle","entries","documents"}
Poco::JSON::Object::Ptr redacted_export(server::Services& services, const vehicles::Vehicle& vehicle);

// {"format":"ltc-full-export","version":1,"exported_at","target":"vehicle","vehicle","owner","entries","documents"}
// or {…,"target":"user","user","vehicles":[{"vehicle","entries","documents"}]}; nullptr when
// the target does not exist.
Poco::JSON::Object::Ptr full_export(server::Services& services, const std::string& target_type,
                                    const std::string& target_id);

}  // namespace ltc::exports
