#include "entries/entry_routes.hpp"
#include "server/route_binding.hpp"

#include <algorithm>
#include <vector>


#include "audit/audit.hpp"
#include "crypto/random.hpp"
#include "entries/entry_input.hpp"
#include "entries/entry_json.hpp"
#include "http/collection.hpp"
#include "http/ids.hpp"
#include "http/json_body.hpp"
#include "db/error_mapping.hpp"
#include "documents/document_store.hpp"
#include "vehicles/vehicle_access.hpp"

namespace ltc::entries {

namespace {

// The store reads a vehicle's entries whole (a vehicle has few); the page is cut here until
// the store pages in SQL.
http::Response page_of(const std::vector<EntryVersion>& versions, const http::Page& page,
                       const EntryDocuments& documents) {
    const auto first = std::min(versions.size(), static_cast<std::size_t>(page.offset));
    const auto count = std::min(versions.size() - first, static_cast<std::size_t>(page.limit) + 1);
    return http::raw_json_response(200, http::page_text(count, page, [&](http::JsonWriter& writer, std::size_t i) {
                                        write_entry(writer, versions[first + i], documents);
                                    }));
}

struct Scope {
    auth::Caller caller;
    vehicles::VehicleOwnership vehicle;
};

Scope require_scope(http::Request& request, server::Services& services) {
    auth::Caller caller = auth::require_product_access(request, services);
    vehicles::VehicleOwnership vehicle = vehicles::require_vehicle_ownership(request, services, caller);
    return Scope{std::move(caller), std::move(vehicle)};
}

// The entry's latest version; unknown ids and deleted entries are 404 (history excepted).
EntryVersion require_live_entry(http::Request& request, server::Services& services, const Scope& scope) {
    const std::string entry_id = request.param("entry_id");
    if (!http::is_uuid(entry_id)) throw http::not_found();
    soci::session& sql = services.database.session();
    const auto latest = latest_version(sql, scope.vehicle.id, entry_id);
    if (!latest) {
        // Another vehicle's entry or an unknown id: 404 alike, and on record (API.md step 4).
        audit::record(sql, audit::by_actor(scope.caller.session.user_id, scope.caller.session.role, request.request_id,
                                           "ACCESS_DENIED", "entry", entry_id, "denied"));
        throw http::not_found();
    }
    if (latest->deleted) throw http::not_found();
    return *latest;
}

void record(soci::session& sql, const http::Request& request, const Scope& scope, const std::string& action,
            const EntryVersion& entry) {
    auto event = audit::by_actor(scope.caller.session.user_id, scope.caller.session.role, request.request_id, action,
                                 "entry", entry.entry_id);
    event.meta = {{"vehicle_id", scope.vehicle.id}, {"version", static_cast<std::int64_t>(entry.version)}};
    audit::record(sql, event);
}

http::Response entry_response(int status, server::Services& services, const Scope& scope, const EntryVersion& entry) {
    return http::raw_json_response(status, entry_text(entry, entry_documents(services.database.session(), scope.vehicle.id)));
}

http::ApiError stale_revision() {
    return http::ApiError(409, "stale_revision", "Der Eintrag wurde inzwischen geändert. Bitte neu laden.");
}

EntryVersion write_version(http::Request& request, server::Services& services, const Scope& scope, EntryVersion version,
                           const std::string& action) {
    version.created_by = scope.caller.session.user_id;
    EntryVersion written;
    services.database.transaction([&](soci::session& tx) {
        // Not into a vehicle being deleted; locked, written and its summary re-derived in one round trip.
        written = read_inserted_version(vehicles::change_live_vehicle(
            tx, scope.vehicle.id, insert_version_statement(scope.vehicle.id, version), server::today(services)));
        record(tx, request, scope, action, written);
    });
    return written;
}

// The list's reads go with the caller lookup: vehicle, entries and their documents.
std::vector<db::NamedStatement> list_early_reads(const http::Request& request, const server::Services& services) {
    auto reads = vehicles::ownership_early_reads(request, services);
    if (reads.empty()) return reads;
    const std::string id = request.param("id");
    reads.push_back({"entries", latest_entries_statement(id)});
    reads.push_back({"entry_documents", documents::entry_document_links_statement(id)});
    return reads;
}

http::Response list(http::Request& request, server::Services& services) {
    const Scope scope = require_scope(request, services);
    const http::Page page = http::read_page(request);
    soci::session& sql = services.database.session();
    const std::string& id = scope.vehicle.id;
    return page_of(read_latest_entries(auth::early_read_or_query(request, "entries", sql, latest_entries_statement(id))),
                   page,
                   entry_documents(auth::early_read_or_query(request, "entry_documents", sql,
                                                             documents::entry_document_links_statement(id))));
}

http::Response create(http::Request& request, server::Services& services) {
    const Scope scope = require_scope(request, services);
    const EntryInput input = read_entry_input(http::json_body(request), EntryBody::create, server::today(services));
    EntryVersion version;
    version.entry_id = crypto::time_ordered_uuid();  // appended to the versions' primary key
    version.version = 1;
    version.fields = input.fields;
    const EntryVersion written = write_version(request, services, scope, version, "ENTRY_CREATED");
    // A new entry has no documents yet: nothing to read for its T-level and document_ids.
    return http::raw_json_response(201, entry_text(written, EntryDocuments{}));
}

http::Response get(http::Request& request, server::Services& services) {
    const Scope scope = require_scope(request, services);
    return entry_response(200, services, scope, require_live_entry(request, services, scope));
}

http::Response history_of(http::Request& request, server::Services& services) {
    const Scope scope = require_scope(request, services);
    const std::string entry_id = request.param("entry_id");
    if (!http::is_uuid(entry_id)) throw http::not_found();
    const auto versions = history(services.database.session(), scope.vehicle.id, entry_id);
    if (versions.empty()) throw http::not_found();
    const http::Page page = http::read_page(request);
    return page_of(versions, page, entry_documents(services.database.session(), scope.vehicle.id));
}

http::Response revise(http::Request& request, server::Services& services) {
    const Scope scope = require_scope(request, services);
    const EntryVersion latest = require_live_entry(request, services, scope);
    const EntryInput input = read_entry_input(http::json_body(request), EntryBody::revision, server::today(services));
    if (*input.base_version != latest.version) throw stale_revision();
    EntryVersion version;
    version.entry_id = latest.entry_id;
    version.version = latest.version + 1;  // a parallel revision collides on the primary key: 409 too
    version.fields = input.fields;
    version.reason = input.reason;
    return entry_response(201, services, scope, write_version(request, services, scope, version, "ENTRY_REVISED"));
}

http::Response remove(http::Request& request, server::Services& services) {
    const Scope scope = require_scope(request, services);
    const EntryVersion latest = require_live_entry(request, services, scope);
    const EntryInput input = read_entry_deletion(http::json_body(request));
    if (*input.base_version != latest.version) throw stale_revision();
    EntryVersion version = latest;
    version.version = latest.version + 1;
    version.deleted = true;
    version.reason = input.reason;
    write_version(request, services, scope, version, "ENTRY_DELETED");
    return http::no_content();
}

}  // namespace

void register_entry_routes(http::Router& router, server::Services& services) {
    db::register_conflict_code("entry_versions_pkey", "stale_revision");
    server::add_routes(router, services, {
        {"GET", "/api/vehicles/{id}/entries", auth::Access::product, list, list_early_reads},
        {"POST", "/api/vehicles/{id}/entries", auth::Access::product, create, vehicles::ownership_early_reads},
        {"GET", "/api/vehicles/{id}/entries/{entry_id}", auth::Access::product, get, vehicles::ownership_early_reads},
        {"GET", "/api/vehicles/{id}/entries/{entry_id}/history", auth::Access::product, history_of,
         vehicles::ownership_early_reads},
        {"POST", "/api/vehicles/{id}/entries/{entry_id}/revisions", auth::Access::product, revise,
         vehicles::ownership_early_reads},
        {"DELETE", "/api/vehicles/{id}/entries/{entry_id}", auth::Access::product, remove, vehicles::ownership_early_reads},
    });
}

}  // namespace ltc::entries
