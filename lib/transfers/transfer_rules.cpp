#include "transfers/transfer_rules.hpp"

namespace ltc::transfers {

namespace {
std::optional<Refusal> state_refusal(const TransferState& state) {
    if (state.status != "open") return Refusal::not_open;
    if (state.past_expiry) return Refusal::expired;
    return std::nullopt;
}
}  // namespace

std::string shown_status(const TransferState& state) {
    return state.status == "open" && state.past_expiry ? "expired" : state.status;
}

std::optional<Refusal> extend_refusal(const TransferState& state) {
    if (const auto refusal = state_refusal(state)) return refusal;
    if (state.extended) return Refusal::already_extended;
    return std::nullopt;
}

std::optional<Refusal> redeem_refusal(const TransferState& state, const std::string& owner_id, const Redeemer& redeemer) {
    if (const auto refusal = state_refusal(state)) return refusal;
    if (owner_id == redeemer.user_id) return Refusal::own_vehicle;
    // The free tier (PRODUCT.md §5): role `user` keeps at most one active vehicle.
    if (redeemer.role == "user" && redeemer.active_vehicles >= 1) return Refusal::vehicle_limit;
    return std::nullopt;
}

}  // namespace ltc::transfers
