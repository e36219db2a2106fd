#include "documents/document_upload.hpp"

#include <filesystem>


#include "audit/audit.hpp"
#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "documents/document_input.hpp"
#include "documents/document_json.hpp"
#include "documents/document_storage.hpp"
#include "documents/document_store.hpp"
#include "documents/file_name.hpp"
#include "documents/file_type.hpp"
#include "documents/metadata_strip.hpp"
#include "entries/entry_store.hpp"
#include "vehicles/trust_summary.hpp"
#include "vehicles/vehicle_access.hpp"

namespace ltc::documents {

namespace {

http::ApiError too_large() { return http::ApiError(413, "payload_too_large", "Die Datei ist größer als 10 MiB."); }

http::ApiError unsupported() {
    return http::ApiError(415, "unsupported_media_type", "Erlaubt sind nur Fotos (JPEG, PNG) und PDF-Dateien.");
}

// An entry of this vehicle that is not deleted; anything else is 404 (API.md).
void require_entry(soci::session& sql, const std::string& vehicle_id, const std::string& entry_id) {
    const auto entry = entries::latest_version(sql, vehicle_id, entry_id);
    if (!entry || entry->deleted) throw http::not_found();
}

ReceivedFile receive(const http::Request& request, server::Services& services) {
    const long long limit = services.config.max_upload_bytes;
    // Refused before a byte is read when the declared length already says too much.
    if (request.content_length > limit) throw too_large();
    try {
        return receive_body(Storage(services.config.storage_dir), request.read_body, limit);
    } catch (const UploadTooLarge&) {
        throw too_large();
    }
}

audit::Event event(const http::Request& request, const auth::Caller& caller, const std::string& action,
                   const std::string& target_type, const std::string& target_id, const std::string& result) {
    return audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, target_type,
                           target_id, result);
}

}  // namespace

http::Response upload_document(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const vehicles::Vehicle vehicle = vehicles::require_vehicle(request, services, caller);
    const UploadParams params = read_upload_params(request);
    soci::session& sql = services.database.session();
    if (params.entry_id) require_entry(sql, vehicle.id, *params.entry_id);

    ReceivedFile received = receive(request, services);
    const std::string bytes = read_whole_file(received.file.path());
    const auto type = detect_file_type(bytes);
    const auto stripped = type ? strip_metadata(*type, bytes) : std::nullopt;
    if (!stripped) {
        auto refused = event(request, caller, "DOCUMENT_REJECTED_TYPE", "vehicle", vehicle.id, "denied");
        refused.meta = {{"reason_code", std::string("unsupported_media_type")},
                        {"size_bytes", static_cast<std::int64_t>(received.size_bytes)}};
        audit::record(sql, refused);
        throw unsupported();  // the temporary file goes with `received`
    }
    if (*stripped != bytes) {
        // size_bytes and sha256 describe the stored bytes, not the upload.
        overwrite_file(received.file.path(), *stripped);
        received.size_bytes = static_cast<long long>(stripped->size());
        received.sha256 = crypto::sha256_hex(*stripped);
    }

    NewDocument document;
    document.id = crypto::random_uuid();
    document.vehicle_id = vehicle.id;
    document.entry_id = params.entry_id;
    document.uploaded_by = caller.session.user_id;
    document.filename = sanitize_file_name(params.raw_filename.value_or(""), "dokument" + extension(*type));
    document.content_type = content_type(*type);
    document.size_bytes = received.size_bytes;
    document.sha256 = received.sha256;

    const std::string final_path = Storage(services.config.storage_dir).file_path(document.id);
    try {
        services.database.transaction([&](soci::session& tx) {
            insert_document(tx, document);
            vehicles::refresh_trust_summary(tx, vehicle.id);
            auto uploaded = event(request, caller, "DOCUMENT_UPLOADED", "document", document.id, "success");
            uploaded.meta = {{"vehicle_id", vehicle.id},
                             {"content_type", document.content_type},
                             {"size_bytes", static_cast<std::int64_t>(document.size_bytes)}};
            audit::record(tx, uploaded);
            received.file.move_to(final_path);  // last, so that a failure before leaves no file
        });
    } catch (...) {
        // The commit failed after the rename: no row, so no file either.
        std::error_code ignored;
        std::filesystem::remove(final_path, ignored);
        throw;
    }
    return http::json_response(201, document_json(*load_document(sql, document.id)));
}

}  // namespace ltc::documents
