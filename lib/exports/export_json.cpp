#include "exports/export_json.hpp"


namespace ltc::exports {

namespace {
Poco::Dynamic::Var nullable(const std::optional<std::string>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

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
    Poco::JSON::Object::Ptr json = object();
    json->set("id", vehicle.id);
    if (full_vin) json->set("vin", *full_vin);
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
    Poco::JSON::Object::Ptr trust = object();
    trust->set("light", light);
    json->set("trust", trust);
    if (full_vin) {
        json->set("owner_id", vehicle.owner_id);
        json->set("deleted_at", nullable(vehicle.deleted_at));
        json->set("delete_reason", nullable(vehicle.delete_reason));
    }
    return json;
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
