#include "transfers/transfer_routes.hpp"

#include "audit/audit.hpp"
#include "db/error_mapping.hpp"
#include "http/collection.hpp"
#include "http/ids.hpp"
#include "qr/qr_svg.hpp"
#include "server/route_binding.hpp"
#include "transfers/redeem_route.hpp"
#include "transfers/transfer_code.hpp"
#include "transfers/transfer_errors.hpp"
#include "transfers/transfer_json.hpp"
#include "vehicles/vehicle_access.hpp"

namespace ltc::transfers {

namespace {

void record(soci::session& sql, const http::Request& request, const auth::Caller& caller, const std::string& action,
            const Transfer& transfer) {
    auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, "transfer",
                                 transfer.id);
    event.meta = {{"vehicle_id", transfer.vehicle_id}};
    audit::record(sql, event);
}

// The transfer named by the path's {id}, scoped like its vehicle: unknown, or a vehicle that
// is not the caller's (admins excepted) → 404 with an ACCESS_DENIED row; deleted vehicle → 404.
Transfer require_transfer(const http::Request& request, server::Services& services, const auth::Caller& caller) {
    const std::string id = request.param("id");
    if (!http::is_uuid(id)) throw http::not_found();
    soci::session& sql = services.database.session();
    const auto transfer = load_transfer(sql, id);
    const auto vehicle = transfer ? vehicles::load_vehicle(sql, transfer->vehicle_id) : std::nullopt;
    if (!vehicle || (vehicle->owner_id != caller.session.user_id && !vehicles::is_admin(caller))) {
        audit::record(sql, audit::by_actor(caller.session.user_id, caller.session.role, request.request_id,
                                           "ACCESS_DENIED", "transfer", id, "denied"));
        throw http::not_found();
    }
    if (vehicle->deleted()) throw http::not_found();
    return *transfer;
}

http::Response create(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const vehicles::Vehicle vehicle = vehicles::require_vehicle(request, services, caller);
    const std::string code = new_transfer_code();
    Transfer transfer;
    services.database.transaction([&](soci::session& tx) {
        vehicles::lock_live_vehicle(tx, vehicle.id);
        transfer = insert_transfer(tx, vehicle.id, caller.session.user_id, code_hmac(services.keys, code),
                                   services.keys.version(), services.auth.transfer_ttl_seconds);
        record(tx, request, caller, "TRANSFER_CREATED", transfer);
    });
    // The only time the code exists outside the buyer's hands: this answer, never a log or row.
    const std::string grouped = group_code(code);
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", transfer.id);
    json->set("code", grouped);
    json->set("qr_svg", qr::qr_svg(grouped));
    json->set("expires_at", transfer.expires_at);
    json->set("extended", false);
    json->set("status", shown_status(transfer.state));
    return http::json_response(201, json);
}

http::Response list(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const vehicles::Vehicle vehicle = vehicles::require_vehicle(request, services, caller);
    const http::Page page = http::read_page(request);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& transfer : list_transfers(services.database.session(), vehicle.id, page)) {
        items->add(transfer_item_json(transfer));
    }
    return http::json_response(200, http::page_json(items, page));
}

http::Response extend(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Transfer found = require_transfer(request, services, caller);
    services.database.transaction([&](soci::session& tx) {
        const auto locked = lock_transfer(tx, found.id);
        if (const auto refusal = extend_refusal(locked->state)) throw refusal_error(*refusal);
        extend_transfer(tx, found.id, services.auth.transfer_ttl_seconds);
        record(tx, request, caller, "TRANSFER_EXTENDED", found);
    });
    return http::json_response(200, transfer_item_json(*load_transfer(services.database.session(), found.id)));
}

// Cancelling a transfer that is no longer open changes nothing and answers 204 as well.
http::Response cancel(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    const Transfer found = require_transfer(request, services, caller);
    services.database.transaction([&](soci::session& tx) {
        const auto locked = lock_transfer(tx, found.id);
        if (locked->state.status != "open") return;
        cancel_transfer(tx, found.id);
        record(tx, request, caller, "TRANSFER_CANCELLED", found);
    });
    return http::no_content();
}

}  // namespace

void register_transfer_routes(http::Router& router, server::Services& services) {
    db::register_conflict_code("transfers_one_open_per_vehicle", "transfer_open");
    server::add_routes(router, services, {
        {"POST", "/api/vehicles/{id}/transfers", auth::Access::product, create},
        {"GET", "/api/vehicles/{id}/transfers", auth::Access::product, list},
        {"POST", "/api/transfers/{id}/extend", auth::Access::product, extend},
        {"DELETE", "/api/transfers/{id}", auth::Access::product, cancel},
        {"POST", "/api/transfers/redeem", auth::Access::product, redeem},
    });
}

}  // namespace ltc::transfers
