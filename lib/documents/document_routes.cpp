// The owner's side of API.md "Documents" (upload, list, metadata, content, attach, PII, delete);
// the admin review routes come from document_review_routes.cpp.
#include "documents/document_routes.hpp"
#include "server/route_binding.hpp"

#include "documents/content_disposition.hpp"
#include "documents/document_access.hpp"
#include "documents/document_changes.hpp"
#include "documents/document_input.hpp"
#include "documents/document_json.hpp"
#include "documents/document_review_routes.hpp"
#include "documents/document_upload.hpp"
#include "entries/entry_store.hpp"
#include "vehicles/trust_summary.hpp"
#include "vehicles/vehicle_access.hpp"

namespace ltc::documents {

namespace {

using vehicles::is_admin;

struct Scoped {
    auth::Caller caller;
    Document document;
};

Scoped require_scope(http::Request& request, server::Services& services) {
    auth::Caller caller = auth::require_product_access(request, services);
    Document document = require_document(request, services, caller);
    return Scoped{std::move(caller), std::move(document)};
}

http::Response document_response(const Document& document) { return http::json_response(200, document_json(document)); }

// GET /api/vehicles/{id}/documents[?deleted=1 for admins]
http::Response list(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const vehicles::Vehicle vehicle =
        vehicles::require_vehicle(request, services, caller, vehicles::DeletedVehicles::visible_to_admins);
    const bool with_deleted = is_admin(caller) && request.query_param("deleted") == "1";
    const auto documents = list_documents(services.database.session(), vehicle.id, with_deleted);
    return http::json_response(200, documents_page(documents, documents.size()));
}

// GET /api/documents/{doc_id}
http::Response get(http::Request& request, server::Services& services) {
    return document_response(require_scope(request, services).document);
}

// GET /api/documents/{doc_id}/content: nginx sends the file (X-Accel-Redirect). Owners get
// valid evidence only; quarantined, rejected or PII-held content exists for admins alone.
http::Response content(http::Request& request, server::Services& services) {
    const Scoped scoped = require_scope(request, services);
    const Document& document = scoped.document;
    if (!is_admin(scoped.caller) && !is_valid_evidence(document.state)) throw http::not_found();
    auto downloaded = audit::by_actor(scoped.caller.session.user_id, scoped.caller.session.role, request.request_id,
                                      "DOCUMENT_DOWNLOADED", "document", document.id);
    downloaded.meta = {{"vehicle_id", document.vehicle_id}};
    audit::record(services.database.session(), downloaded);
    http::Response response;
    response.status = 200;
    response.content_type = document.content_type;
    // nginx copies these onto the file's answer in the internal location (ltc-site.conf.template).
    response.with_header("X-Accel-Redirect", "/protected-files/" + document.id)
        .with_header("X-Ltc-Content-Disposition", content_disposition(document.filename));
    return response;
}

// PATCH /api/documents/{doc_id} {"entry_id": id | null}
http::Response attach(http::Request& request, server::Services& services) {
    const Scoped scoped = require_scope(request, services);
    const auto entry_id = read_entry_change(request);
    soci::session& sql = services.database.session();
    if (entry_id) {
        const auto entry = entries::latest_version(sql, scoped.document.vehicle_id, *entry_id);
        if (!entry || entry->deleted) throw http::not_found();
    }
    if (scoped.document.state.deleted) throw refusal_error(Refusal{"document_deleted"});
    services.database.transaction([&](soci::session& tx) {
        store_entry(tx, scoped.document.id, entry_id);
        vehicles::refresh_trust_summary(tx, scoped.document.vehicle_id);
        auto event = audit::by_actor(scoped.caller.session.user_id, scoped.caller.session.role, request.request_id,
                                     "DOCUMENT_ATTACHED", "document", scoped.document.id);
        event.meta = {{"vehicle_id", scoped.document.vehicle_id}};
        if (entry_id) event.meta["entry_id"] = *entry_id;
        audit::record(tx, event);
    });
    return document_response(*load_document(sql, scoped.document.id));
}

Event pii_event(Pii status) {
    switch (status) {
        case Pii::ok: return Event::pii_ok;
        case Pii::suspected: return Event::pii_suspected;
        case Pii::confirmed: return Event::pii_confirmed;
    }
    return Event::pii_suspected;
}

// POST /api/documents/{doc_id}/pii: owners may only raise a suspicion; admins decide.
http::Response pii(http::Request& request, server::Services& services) {
    const Scoped scoped = require_scope(request, services);
    const PiiChange change = read_pii_change(request);
    if (!is_admin(scoped.caller) && change.status != Pii::suspected) throw http::ApiError(403, "forbidden");
    Change pii_change{pii_event(change.status), "DOCUMENT_PII_MARKED", {{"pii", std::string(to_string(change.status))}},
                      [&](soci::session& tx) { store_pii_note(tx, scoped.document.id, change.note); }};
    return document_response(apply_change(request, services, scoped.caller, scoped.document, pii_change));
}

// DELETE /api/documents/{doc_id}: a soft delete; `ltc jobs retention` removes the file later.
http::Response remove(http::Request& request, server::Services& services) {
    const Scoped scoped = require_scope(request, services);
    apply_change(request, services, scoped.caller, scoped.document, Change{Event::remove, "DOCUMENT_DELETED", {}, {}});
    return http::no_content();
}

}  // namespace

void register_document_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"POST", "/api/vehicles/{id}/documents", auth::Access::product, upload_document, http::BodyMode::streamed},
        {"GET", "/api/vehicles/{id}/documents", auth::Access::product, list},
        {"GET", "/api/documents/{doc_id}", auth::Access::product, get},
        {"GET", "/api/documents/{doc_id}/content", auth::Access::product, content},
        {"PATCH", "/api/documents/{doc_id}", auth::Access::product, attach},
        {"POST", "/api/documents/{doc_id}/pii", auth::Access::product, pii},
        {"DELETE", "/api/documents/{doc_id}", auth::Access::product, remove},
    });
    register_document_review_routes(router, services);
}

}  // namespace ltc::documents
