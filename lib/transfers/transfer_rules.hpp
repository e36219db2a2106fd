#pragma once
// What a transfer's state allows (PRODUCT.md §10), in API.md's order of checks: used or
// cancelled → 409 transfer_not_open before expired → 410; then the redeemer: own vehicle → 409,
// the free tier → 403.
#include <optional>
#include <string>

namespace ltc::transfers {

struct TransferState {
    std::string status;   // as stored: open | redeemed | cancelled | expired | ended
    bool past_expiry = false;
    bool extended = false;
};

// The status clients see: an open transfer past its expiry reads "expired".
std::string shown_status(const TransferState& state);

enum class Refusal { not_open, expired, already_extended, own_vehicle, vehicle_limit };

struct Redeemer {
    std::string user_id;
    std::string role;
    long long active_vehicles = 0;
};

std::optional<Refusal> extend_refusal(const TransferState& state);
std::optional<Refusal> redeem_refusal(const TransferState& state, const std::string& owner_id, const Redeemer& redeemer);

}  // namespace ltc::transfers
