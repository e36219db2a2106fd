#include "exports/export_data.hpp"

#include "auth/users.hpp"
#include "exports/export_documents.hpp"
#include "exports/export_json.hpp"
#include "exports/export_store.hpp"
#include "vehicles/trust_summary.hpp"
#include "vehicles/vin_protection.hpp"

namespace ltc::exports {

namespace {

std::vector<EntryRecord> entry_records(soci::session& sql, const std::string& vehicle_id) {
    std::vector<EntryRecord> records;
    for (auto& latest : entries::latest_entries(sql, vehicle_id)) {
        auto history = entries::history(sql, vehicle_id, latest.entry_id);
        records.push_back({std::move(latest), std::move(history)});
    }
    return records;
}

// vehicle, entries and documents into `json`; the VIN in full for Detail::full.
void add_vehicle_parts(server::Services& services, const vehicles::Vehicle& vehicle, Detail detail,
                       Poco::JSON::Object& json) {
    soci::session& sql = services.database.session();
    const std::string light = vehicles::current_trust(services.database, vehicle, server::today(services)).light;
    const auto vin = detail == Detail::full ? std::optional(vehicles::reveal_vin(services.keys, vehicle)) : std::nullopt;
    json.set("vehicle", vehicle_json(vehicle, light, vin));
    const ExportedDocuments documents = valid_evidence_documents(sql, vehicle.id);
    entries::EntryDocuments entry_documents = entries::entry_documents(sql, vehicle.id);
    keep_exported_only(entry_documents, documents.ids);
    json.set("entries", entries_json(entry_records(sql, vehicle.id), entry_documents, detail));
    json.set("documents", documents.json);
}

Poco::JSON::Object::Ptr user_json(soci::session& sql, const crypto::KeyRing& keys, const auth::User& user) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", user.id);
    json->set("email", auth::user_email(sql, keys, user.id));
    json->set("role", user.role);
    json->set("status", user.status);
    return json;
}

}  // namespace

Poco::JSON::Object::Ptr redacted_export(server::Services& services, const vehicles::Vehicle& vehicle) {
    Poco::JSON::Object::Ptr json = export_header(redacted_format, database_now(services.database.session()));
    add_vehicle_parts(services, vehicle, Detail::redacted, *json);
    return json;
}

Poco::JSON::Object::Ptr full_export(server::Services& services, const std::string& target_type,
                                    const std::string& target_id) {
    soci::session& sql = services.database.session();
    Poco::JSON::Object::Ptr json = export_header(full_format, database_now(sql));
    json->set("target", target_type);
    if (target_type == "vehicle") {
        const auto vehicle = vehicles::load_vehicle(sql, target_id);
        if (!vehicle) return nullptr;
        add_vehicle_parts(services, *vehicle, Detail::full, *json);
        json->set("owner", user_json(sql, services.keys, *auth::find_user(sql, services.keys, vehicle->owner_id)));
        return json;
    }
    const auto user = auth::find_user(sql, services.keys, target_id);
    if (!user) return nullptr;
    json->set("user", user_json(sql, services.keys, *user));
    Poco::JSON::Array::Ptr owned = new Poco::JSON::Array();
    for (const auto& id : owned_vehicle_ids(sql, user->id)) {
        Poco::JSON::Object::Ptr part = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        add_vehicle_parts(services, *vehicles::load_vehicle(sql, id), Detail::full, *part);
        owned->add(part);
    }
    json->set("vehicles", owned);
    return json;
}

}  // namespace ltc::exports
