// A code is a bearer secret: failed redeems are counted per client address and per user and
// audited, in a transaction of their own after the business transaction rolled back; once a
// limit is reached the code is not even looked up (429).
#include "transfers/redeem_route.hpp"

#include <ctime>

#include "audit/audit.hpp"
#include "auth/authenticate.hpp"
#include "auth/client_ip.hpp"
#include "auth/rate_limit_store.hpp"
#include "auth/users.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"
#include "mail/outbox.hpp"
#include "publiclink/public_link_store.hpp"
#include "transfers/transfer_code.hpp"
#include "transfers/transfer_errors.hpp"
#include "transfers/transfer_mail.hpp"
#include "transfers/transfer_store.hpp"
#include "vehicles/trust_summary.hpp"
#include "vehicles/vehicle_store.hpp"

namespace ltc::transfers {

namespace {

struct Buckets {
    std::string ip;
    std::string user;
};

Buckets failure_buckets(const server::Services& services, const http::Request& request, const auth::Caller& caller) {
    return {auth::ip_bucket(services.keys, "redeem_failure", request.remote_addr),
            "redeem_failure:user:" + caller.session.user_id};
}

long retry_after(const config::Limit& limit) {
    const std::int64_t now = std::time(nullptr);
    return auth::decide(limit.count + 1, limit.count, now, auth::window_start(now, limit.window_seconds), limit.window_seconds)
        .retry_after_seconds;
}

void enforce_failure_limits(soci::session& sql, const server::Services& services, const http::Request& request,
                            const auth::Caller& caller, const Buckets& buckets) {
    const config::Limit* reached = nullptr;
    std::string scope;
    if (auth::limit_reached(sql, buckets.ip, services.auth.redeem_failures_per_ip)) {
        reached = &services.auth.redeem_failures_per_ip;
        scope = "redeem_per_ip";
    } else if (auth::limit_reached(sql, buckets.user, services.auth.redeem_failures_per_user)) {
        reached = &services.auth.redeem_failures_per_user;
        scope = "redeem_per_user";
    }
    if (reached == nullptr) return;
    auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, "TRANSFER_REDEEM_FAILED",
                                 "transfer", "", "denied");
    event.meta = {{"reason_code", std::string("rate_limited")}, {"scope", scope}};
    audit::record(sql, event);
    throw http::ApiError(429, "rate_limited").with_header("Retry-After", std::to_string(retry_after(*reached)));
}

void record_failure(soci::session& sql, const server::Services& services, const http::Request& request,
                    const auth::Caller& caller, const Buckets& buckets, const std::string& transfer_id,
                    const http::ApiError& error) {
    auth::count_event(sql, buckets.ip, services.auth.redeem_failures_per_ip);
    auth::count_event(sql, buckets.user, services.auth.redeem_failures_per_user);
    auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, "TRANSFER_REDEEM_FAILED",
                                 "transfer", transfer_id, "denied");
    event.meta = {{"reason_code", error.code()}};
    audit::record(sql, event);
}

void notify_parties(soci::session& sql, const crypto::KeyRing& keys, const vehicles::Vehicle& vehicle,
                    const std::string& buyer_id) {
    const auth::MailText to_seller = seller_mail(vehicle.vin.masked);
    const auth::MailText to_buyer = buyer_mail(vehicle.vin.masked);
    mail::enqueue(sql, keys, {auth::user_email(sql, keys, vehicle.owner_id), to_seller.subject, to_seller.body});
    mail::enqueue(sql, keys, {auth::user_email(sql, keys, buyer_id), to_buyer.subject, to_buyer.body});
}

}  // namespace

http::Response redeem(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_product_access(request, services);
    http::FieldReader fields(http::json_body(request), {"code"});
    const std::string typed = fields.required_string("code", http::max_json_body_bytes);
    fields.finish();

    const Buckets buckets = failure_buckets(services, request, caller);
    enforce_failure_limits(services.database.session(), services, request, caller, buckets);

    const std::string hmac = code_hmac(services.keys, normalize_code(typed));
    const std::string buyer_id = caller.session.user_id;
    std::string transfer_id;
    std::string vehicle_id;
    try {
        // Lock order: transfer, vehicle, buyer. A parallel redeem of the same code waits on the
        // transfer row and then finds it redeemed (409).
        services.database.transaction([&](soci::session& tx) {
            const auto transfer = lock_transfer_by_code(tx, hmac);
            if (!transfer) throw http::not_found();
            transfer_id = transfer->id;
            const auto vehicle = vehicles::lock_vehicle(tx, transfer->vehicle_id);
            if (!vehicle || vehicle->deleted()) throw refusal_error(Refusal::not_open);
            const Redeemer redeemer{buyer_id, caller.session.role, vehicles::lock_owner_and_count_active(tx, buyer_id)};
            if (const auto refusal = redeem_refusal(transfer->state, vehicle->owner_id, redeemer)) {
                throw refusal_error(*refusal);
            }
            close_on_redeem(tx, *transfer, buyer_id);
            vehicles::change_owner(tx, vehicle->id, buyer_id);
            // The owner's role feeds the trust to-dos; the seller's printed link must stop working.
            vehicles::refresh_trust_summary(tx, vehicle->id, server::today(services));
            publiclink::rotate_public_link(tx, vehicle->id);
            notify_parties(tx, services.keys, *vehicle, buyer_id);
            auto event = audit::by_actor(buyer_id, caller.session.role, request.request_id, "TRANSFER_REDEEMED",
                                         "transfer", transfer->id);
            event.meta = {{"vehicle_id", vehicle->id}};
            audit::record(tx, event);
            vehicle_id = vehicle->id;
        });
    } catch (const http::ApiError& error) {
        services.database.transaction([&](soci::session& tx) {
            record_failure(tx, services, request, caller, buckets, transfer_id, error);
        });
        throw;
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object();
    json->set("vehicle_id", vehicle_id);
    return http::json_response(200, json);
}

}  // namespace ltc::transfers
