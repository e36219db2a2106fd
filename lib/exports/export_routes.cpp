#include "exports/export_routes.hpp"

#include "admin/admin_access.hpp"
#include "audit/audit.hpp"
#include "crypto/aead.hpp"
#include "crypto/constant_time.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "crypto/rekey.hpp"
#include "exports/export_data.hpp"
#include "exports/export_files.hpp"
#include "exports/export_key.hpp"
#include "exports/export_rules.hpp"
#include "exports/export_store.hpp"
#include "http/ids.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"
#include "server/route_binding.hpp"
#include "vehicles/vehicle_access.hpp"

namespace ltc::exports {

namespace {

std::string token_hash(const crypto::KeyRing& keys, const std::string& token) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::export_token), token);
}

http::Response attachment(http::Response response, const std::string& filename) {
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return response;
}

http::Response redacted(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const vehicles::Vehicle vehicle =
        vehicles::require_vehicle(request, services, caller, vehicles::DeletedVehicles::visible_to_admins);
    const auto json = redacted_export(services, vehicle);
    audit::record(services.database.session(),
                  audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, "EXPORT_REDACTED",
                                  "vehicle", vehicle.id));
    return attachment(http::json_response(200, json), "ltc-fahrzeug-" + vehicle.id + ".json");
}

struct Target {
    std::string type;
    std::string id;
};

Target read_target(http::Request& request) {
    http::FieldReader fields(http::json_body(request), {"target", "id"});
    Target target{fields.required_string("target", 20), fields.required_string("id", 100)};
    if (target.type != "vehicle" && target.type != "user") fields.fail("target", "invalid");
    if (!http::is_uuid(target.id)) fields.fail("id", "invalid");
    fields.finish();
    return target;
}

http::Response create(http::Request& request, server::Services& services) {
    const auth::Caller caller = admin::require_admin_access(request, services);
    try {
        auth::require_step_up(caller);
    } catch (const http::ApiError& error) {
        admin::record_denial(services.database.session(), request, caller, "EXPORT_FULL_DENIED", "export", "", error);
        throw;
    }
    const Target target = read_target(request);
    const auto document = full_export(services, target.type, target.id);
    if (!document) throw http::not_found();

    // The key leaves only in this answer; the plaintext and the key are wiped from memory.
    std::string plaintext = http::to_json(document);
    std::string key = crypto::random_bytes(crypto::aead_key_size);
    const std::string sealed = crypto::aead_encrypt(key, plaintext);
    crypto::wipe(plaintext);
    const std::string token = crypto::random_base64url(32);
    const std::string dir = export_dir(services.config.var_dir);
    FullExport created;
    services.database.transaction([&](soci::session& tx) {
        created = insert_full_export(tx, target.type, target.id, caller.session.user_id, token_hash(services.keys, token),
                                     services.keys.version(), services.auth.export_ttl_seconds);
        write_export_file(dir, created.id, sealed);
        auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id,
                                     "EXPORT_FULL_CREATED", target.type, target.id);
        event.meta = {{"export_id", created.id}};
        audit::record(tx, event);
    });
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("export_id", created.id);
    json->set("key", to_base64url(key));
    json->set("download_token", token);
    json->set("expires_at", created.expires_at);
    crypto::wipe(key);
    return http::json_response(201, json);
}

http::ApiError refusal_error(DownloadRefusal refusal) {
    if (refusal == DownloadRefusal::expired) {
        return http::ApiError(410, "export_expired", "Dieser Export ist abgelaufen.");
    }
    return http::ApiError(403, "export_token_invalid", "Der Download-Token ist ungültig oder wurde bereits verwendet.");
}

http::Response download(http::Request& request, server::Services& services) {
    const auth::Caller caller = admin::require_admin_access(request, services);
    const std::string id = request.param("export_id");
    if (!http::is_uuid(id) || !load_full_export(services.database.session(), id)) throw http::not_found();
    const std::string presented = request.header("x-export-token");
    const std::string dir = export_dir(services.config.var_dir);
    std::string sealed;
    try {
        services.database.transaction([&](soci::session& tx) {
            const FullExport locked = *lock_full_export(tx, id);
            const bool matches =
                !presented.empty() && crypto::constant_time_equals(token_hash(services.keys, presented), locked.token_hash);
            if (const auto refusal = download_refusal(matches, locked.downloaded, locked.expired)) {
                throw refusal_error(*refusal);
            }
            sealed = read_export_file(dir, id);
            mark_downloaded(tx, id);
            audit::record(tx, audit::by_actor(caller.session.user_id, caller.session.role, request.request_id,
                                              "EXPORT_FULL_DOWNLOADED", "export", id));
        });
    } catch (const http::ApiError& error) {
        admin::record_denial(services.database.session(), request, caller, "EXPORT_FULL_DENIED", "export", id, error);
        throw;
    }
    // Committed: the one download happened, the ciphertext has no further use.
    remove_export_file(dir, id);
    mark_purged(services.database.session(), id);
    http::Response response;
    response.content_type = "application/octet-stream";
    response.body = std::move(sealed);
    return attachment(std::move(response), "ltc-export-" + id + ".bin");
}

}  // namespace

void register_export_routes(http::Router& router, server::Services& services) {
    audit::allow_meta_keys({"export_id"});
    server::add_routes(router, services, {
        {"GET", "/api/vehicles/{id}/export", auth::Access::product, redacted},
        {"POST", "/api/admin/exports", auth::Access::admin, create},
        {"GET", "/api/admin/exports/{export_id}", auth::Access::admin, download},
    });
}

}  // namespace ltc::exports
