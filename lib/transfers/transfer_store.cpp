#include "transfers/transfer_store.hpp"

#include "db/query.hpp"
#include "db/rows.hpp"

namespace ltc::transfers {

namespace {
const std::string select_columns = "SELECT id, vehicle_id, status, expires_at <= now(), extended, " +
                                   db::iso_utc("expires_at") + ", " + db::iso_utc("created_at") + ", " +
                                   db::iso_utc("redeemed_at") + " FROM transfers";

Transfer from_row(const db::Row& row) {
    Transfer transfer;
    transfer.id = row.text(0);
    transfer.vehicle_id = row.text(1);
    transfer.state = TransferState{row.text(2), row.flag(3), row.flag(4)};
    transfer.expires_at = row.text(5);
    transfer.created_at = row.text(6);
    transfer.redeemed_at = row.optional_text(7);
    return transfer;
}

std::optional<Transfer> first_transfer(const db::Result& result) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    return from_row(*row);
}
}  // namespace

Transfer insert_transfer(soci::session& sql, const std::string& vehicle_id, const std::string& created_by,
                         const std::string& code_hmac, int key_version, long ttl_seconds) {
    db::query(sql, "UPDATE transfers SET status = 'expired' WHERE vehicle_id = $1::uuid AND status = 'open' AND expires_at <= now()",
              {vehicle_id});
    const std::string id = db::query(sql,
                                     "INSERT INTO transfers (vehicle_id, created_by, code_hmac, key_version, expires_at)"
                                     " VALUES ($1::uuid, $2::uuid, $3, $4::int, now() + make_interval(secs => $5::bigint))"
                                     " RETURNING id",
                                     {vehicle_id, created_by, code_hmac, key_version, static_cast<long long>(ttl_seconds)})
                               .first()
                               ->text(0);
    return *load_transfer(sql, id);
}

std::vector<Transfer> list_transfers(soci::session& sql, const std::string& vehicle_id, const db::Page& page) {
    std::vector<Transfer> transfers;
    const auto rows = db::query(sql,
                                select_columns +
                                    " WHERE vehicle_id = $1::uuid ORDER BY created_at DESC, id LIMIT $2::bigint OFFSET $3::bigint",
                                {vehicle_id, static_cast<long long>(page.limit + 1), static_cast<long long>(page.offset)});
    for (const auto row : rows) transfers.push_back(from_row(row));
    return transfers;
}

std::optional<Transfer> load_transfer(soci::session& sql, const std::string& id) {
    return first_transfer(db::query(sql, select_columns + " WHERE id = $1::uuid", {id}));
}

std::optional<Transfer> lock_transfer(soci::session& sql, const std::string& id) {
    return first_transfer(db::query(sql, select_columns + " WHERE id = $1::uuid FOR UPDATE", {id}));
}

std::optional<Transfer> lock_transfer_by_code(soci::session& sql, const std::string& code_hmac) {
    return first_transfer(db::query(sql, select_columns + " WHERE code_hmac = $1 FOR UPDATE", {code_hmac}));
}

void extend_transfer(soci::session& sql, const std::string& id, long ttl_seconds) {
    db::query(sql,
              "UPDATE transfers SET extended = true, expires_at = expires_at + make_interval(secs => $1::bigint)"
              " WHERE id = $2::uuid AND status = 'open' AND NOT extended",
              {static_cast<long long>(ttl_seconds), id});
}

void cancel_transfer(soci::session& sql, const std::string& id) {
    db::query(sql, "UPDATE transfers SET status = 'cancelled' WHERE id = $1::uuid AND status = 'open'", {id});
}

void close_on_redeem(soci::session& sql, const Transfer& redeemed, const std::string& buyer_id) {
    db::query(sql,
              "UPDATE transfers SET status = CASE WHEN id = $1::uuid THEN 'redeemed' ELSE 'ended' END,"
              " redeemed_at = CASE WHEN id = $1::uuid THEN now() END,"
              " redeemed_by = CASE WHEN id = $1::uuid THEN $2::uuid END"
              " WHERE vehicle_id = $3::uuid AND status = 'open'",
              {redeemed.id, buyer_id, redeemed.vehicle_id});
}

}  // namespace ltc::transfers
