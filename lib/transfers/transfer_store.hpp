#pragma once
// Transfers in PostgreSQL (table transfers); the code only as its HMAC.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "db/page.hpp"
#include "transfers/transfer_rules.hpp"

namespace ltc::transfers {

struct Transfer {
    std::string id;
    std::string vehicle_id;
    TransferState state;
    std::string expires_at;
    std::string created_at;
    std::optional<std::string> redeemed_at;
};

// An open transfer past its expiry is closed as 'expired' first, so the new one may take its
// place; a parallel second insert violates transfers_one_open_per_vehicle (409 transfer_open).
Transfer insert_transfer(soci::session& sql, const std::string& vehicle_id, const std::string& created_by,
                         const std::string& code_hmac, int key_version, long ttl_seconds);

// Newest first, ties by id; up to page.limit + 1 rows.
std::vector<Transfer> list_transfers(soci::session& sql, const std::string& vehicle_id, const db::Page& page);

std::optional<Transfer> load_transfer(soci::session& sql, const std::string& id);
// Row-locked for the rest of the caller's transaction.
std::optional<Transfer> lock_transfer(soci::session& sql, const std::string& id);
std::optional<Transfer> lock_transfer_by_code(soci::session& sql, const std::string& code_hmac);

void extend_transfer(soci::session& sql, const std::string& id, long ttl_seconds);
void cancel_transfer(soci::session& sql, const std::string& id);

// The redeemed transfer becomes 'redeemed'; any other open transfer of the vehicle 'ended'.
void close_on_redeem(soci::session& sql, const Transfer& redeemed, const std::string& buyer_id);

}  // namespace ltc::transfers
