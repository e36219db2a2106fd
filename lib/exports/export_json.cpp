#include "exports/export_json.hpp"

#include "vehicles/vehicle_json.hpp"

namespace ltc::exports {

namespace {
Poco::JSON::Object::Ptr object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

// The Entry object of the API; the redacted export leaves out who wrote it (a user id).
Poco::JSON::Object::Ptr version_json(const entries::EntryVersion& entry, const entries::EntryDocuments& documents,
                                     Detail detail) {
    Poco::JSON::Object::Ptr json = entries::entry_json(entry, documents);
    if (detail == Detail::redacted) json->remove("created_by");
    return json;
}
}  // namespace

Poco::JSON::Object::Ptr export_header(const std::string& format, const std::string& exported_at) {
    Poco::JSON::Object::Ptr json = object();
    json->set("format", format);
    json->set("version", format_version);
    json->set("exported_at", exported_at);
    return json;
}

Poco::JSON::Object::Ptr vehicle_json(const vehicles::Vehicle& vehicle, const std::string& light,
                                     const std::optional<std::string>& full_vin) {
    vehicles::VehicleJsonParts parts;
    parts.full_vin = full_vin;
    parts.admin_fields = full_vin.has_value();
    return vehicles::vehicle_json(vehicle, light, parts);
}

Poco::JSON::Array::Ptr entries_json(const std::vector<EntryRecord>& entries, const entries::EntryDocuments& documents,
                                    Detail detail) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& entry : entries) {
        Poco::JSON::Object::Ptr json = version_json(entry.latest, documents, detail);
        Poco::JSON::Array::Ptr history = new Poco::JSON::Array();
        for (const auto& version : entry.history) history->add(version_json(version, documents, detail));
        json->set("history", history);
        items->add(json);
    }
    return items;
}

}  // namespace ltc::exports
