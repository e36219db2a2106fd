#include "publiclink/public_link_routes.hpp"
#include "server/route_binding.hpp"

#include <Poco/JSON/Parser.h>

#include "audit/audit.hpp"
#include "entries/entry_store.hpp"
#include "documents/document_state.hpp"
#include "documents/document_store.hpp"
#include "ltc_version.hpp"
#include "publiclink/history_pdf.hpp"
#include "publiclink/public_link_store.hpp"
#include "publiclink/public_url.hpp"
#include "publiclink/sticker_pdf.hpp"
#include "qr/qr_png.hpp"
#include "qr/qr_svg.hpp"
#include "trust/trust_light.hpp"
#include "vehicles/trust_summary.hpp"
#include "vehicles/vehicle_access.hpp"

namespace ltc::publiclink {

namespace {

void record(soci::session& sql, const http::Request& request, const auth::Caller& caller, const std::string& action,
            const std::string& vehicle_id) {
    audit::record(sql, audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, "vehicle",
                                       vehicle_id));
}

http::Response file_response(std::string content_type, std::string body, const std::string& disposition) {
    http::Response response;
    response.content_type = std::move(content_type);
    response.body = std::move(body);
    response.with_header("Content-Disposition", disposition);
    return response;
}

// On, or rotate when already on: a new token either way, the old one dead with the commit.
http::Response put_link(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const vehicles::Vehicle vehicle = vehicles::require_vehicle(request, services, caller);
    const std::string token = new_token();
    services.database.transaction([&](soci::session& tx) {
        const vehicles::Vehicle locked = vehicles::lock_live_vehicle(tx, vehicle.id);
        put_token(tx, locked.id, token);
        record(tx, request, caller, locked.public_token ? "PUBLIC_LINK_ROTATED" : "PUBLIC_LINK_ENABLED", locked.id);
    });
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("enabled", true);
    body->set("url", public_url(services.config, token));
    return http::json_response(200, body);
}

http::Response delete_link_route(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const vehicles::Vehicle vehicle = vehicles::require_vehicle(request, services, caller);
    services.database.transaction([&](soci::session& tx) {
        vehicles::lock_live_vehicle(tx, vehicle.id);
        if (delete_link(tx, vehicle.id)) record(tx, request, caller, "PUBLIC_LINK_DISABLED", vehicle.id);
    });
    return http::no_content();
}

// The URL of the caller's vehicle's live link; 404 when the link is off.
std::string current_url(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const vehicles::Vehicle vehicle = vehicles::require_vehicle(request, services, caller);
    if (!vehicle.public_token) throw http::not_found();
    return public_url(services.config, *vehicle.public_token);
}

http::Response qr_svg(http::Request& request, server::Services& services) {
    return file_response("image/svg+xml", qr::qr_svg(current_url(request, services)),
                         "inline; filename=\"lifetimecircle-qr.svg\"");
}

http::Response qr_png(http::Request& request, server::Services& services) {
    return file_response("image/png", qr::qr_png(current_url(request, services)), "inline; filename=\"lifetimecircle-qr.png\"");
}

http::Response sticker(http::Request& request, server::Services& services) {
    return file_response("application/pdf", sticker_pdf(current_url(request, services)),
                         "attachment; filename=\"lifetimecircle-aufkleber.pdf\"");
}

HistoryEntry history_entry(const entries::EntryVersion& version, const documents::EvidenceFacts& evidence) {
    const entries::EntryFields& fields = version.fields;
    // Same derivation as the entry answer: T3 from an attached valid-evidence document.
    const auto level =
        trust::derive_trust_level(evidence.entries_with_valid_evidence.contains(version.entry_id), fields.paper_book);
    return {fields.date, fields.odometer_km, fields.category, fields.performed_by, std::string(trust::to_string(level)),
            fields.note};
}

http::Response history(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const vehicles::Vehicle vehicle =
        vehicles::require_vehicle(request, services, caller, vehicles::DeletedVehicles::visible_to_admins);
    const trust::CivilDate today = server::today(services);
    const vehicles::StoredTrust stored = vehicles::current_trust(services.database, vehicle, today);
    Poco::JSON::Parser parser;
    const auto summary = parser.parse(stored.summary_json).extract<Poco::JSON::Object::Ptr>();

    HistoryInput input;
    input.vehicle = {vehicle.fields.vehicle_class, vehicle.fields.make, vehicle.fields.model, vehicle.fields.year,
                     vehicle.fields.engine,        vehicle.vin.masked,  vehicle.fields.accident_status};
    input.accident_closed = vehicle.fields.accident_closed;
    input.light = stored.light;
    input.sentence = summary->getValue<std::string>("sentence");
    input.hint = summary->getValue<std::string>("hint");
    soci::session& sql = services.database.session();
    const documents::EvidenceFacts evidence = documents::evidence_facts(sql, vehicle.id);
    for (const auto& version : entries::latest_entries(sql, vehicle.id)) input.entries.push_back(history_entry(version, evidence));
    for (const auto& document : documents::list_documents(sql, vehicle.id, false)) {
        if (!documents::is_valid_evidence(document.state)) continue;
        input.documents.push_back({document.uploaded_at.substr(0, 10), document.content_type, document.sha256});
    }
    input.printed_on = trust::format_iso_date(today);
    std::string pdf = history_pdf(input);
    record(services.database.session(), request, caller, "HISTORY_PDF", vehicle.id);
    return file_response("application/pdf", std::move(pdf), "attachment; filename=\"fahrzeughistorie.pdf\"");
}

// The public answer rendered from the vehicle as it is now, and kept for the next reads.
std::string render_public_page(server::Services& services, const std::string& token, const trust::CivilDate& today) {
    const auto found = find_public_record(services.database.session(), token);
    if (!found) throw http::not_found();  // the vehicle was deleted
    vehicles::Vehicle vehicle;
    vehicle.id = found->vehicle_id;
    vehicle.trust = found->trust;
    const vehicles::StoredTrust stored = vehicles::current_trust(services.database, vehicle, today);
    std::string body = http::to_json(public_json(found->vehicle, stored.summary_json));
    store_public_page(services.database.session(), token, found->page_generation, body, stored.valid_until, LTC_VERSION);
    return body;
}

// Anyone: one probe of the token index returning the answer rendered before — rendered again when
// the vehicle changed since, its summary's date has come, or another release rendered it.
http::Response public_read(http::Request& request, server::Services& services) {
    const std::string token = request.param("token");
    if (!token_shape_ok(token)) throw http::not_found();
    const auto page = find_public_page(services.database.session(), token);
    if (!page) throw http::not_found();
    const trust::CivilDate today = server::today(services);
    if (page->body && page->release == LTC_VERSION && vehicles::date_holds(page->valid_until, today)) {
        return http::raw_json_response(200, *page->body);
    }
    return http::raw_json_response(200, render_public_page(services, token, today));
}

}  // namespace

void register_public_link_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"PUT", "/api/vehicles/{id}/public-link", auth::Access::product, put_link},
        {"DELETE", "/api/vehicles/{id}/public-link", auth::Access::product, delete_link_route},
        {"GET", "/api/vehicles/{id}/public-link/qr.svg", auth::Access::product, qr_svg},
        {"GET", "/api/vehicles/{id}/public-link/qr.png", auth::Access::product, qr_png},
        {"GET", "/api/vehicles/{id}/public-link/sticker.pdf", auth::Access::product, sticker},
        {"GET", "/api/vehicles/{id}/history.pdf", auth::Access::product, history},
        {"GET", "/api/public/qr/{token}", auth::Access::anyone, public_read},
    });
}

}  // namespace ltc::publiclink
