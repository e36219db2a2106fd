#include "exports/export_store.hpp"

#include "db/query.hpp"
#include "db/rows.hpp"

namespace ltc::exports {

namespace {
const std::string select_columns = "SELECT id, target_type, target_id, token_hash, " + db::iso_utc("created_at") + ", " +
                                   db::iso_utc("expires_at") +
                                   ", downloaded_at IS NOT NULL, expires_at <= now() FROM full_exports";

std::optional<FullExport> first_export(const db::Result& result) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    return FullExport{row->text(0), row->text(1), row->text(2), row->text(3),
                      row->text(4), row->text(5), row->flag(6), row->flag(7)};
}

std::vector<std::string> ids(const db::Result& result) {
    std::vector<std::string> out;
    for (const auto row : result) out.push_back(row.text(0));
    return out;
}
}  // namespace

std::string database_now(soci::session& sql) {
    return db::query(sql, "SELECT " + db::iso_utc("now()")).first()->text(0);
}

FullExport insert_full_export(soci::session& sql, const std::string& target_type, const std::string& target_id,
                              const std::string& created_by, const std::string& token_hash, int key_version,
                              long ttl_seconds) {
    const std::string id =
        db::query(sql,
                  "INSERT INTO full_exports (target_type, target_id, created_by, token_hash, key_version, expires_at)"
                  " VALUES ($1, $2::uuid, $3::uuid, $4, $5::int, now() + make_interval(secs => $6::bigint)) RETURNING id",
                  {target_type, target_id, created_by, token_hash, key_version, static_cast<long long>(ttl_seconds)})
            .first()
            ->text(0);
    return *load_full_export(sql, id);
}

std::optional<FullExport> load_full_export(soci::session& sql, const std::string& id) {
    return first_export(db::query(sql, select_columns + " WHERE id = $1::uuid", {id}));
}

std::optional<FullExport> lock_full_export(soci::session& sql, const std::string& id) {
    return first_export(db::query(sql, select_columns + " WHERE id = $1::uuid FOR UPDATE", {id}));
}

void mark_downloaded(soci::session& sql, const std::string& id) {
    db::query(sql, "UPDATE full_exports SET downloaded_at = now() WHERE id = $1::uuid", {id});
}

std::vector<std::string> exports_to_purge(soci::session& sql) {
    return ids(db::query(sql,
                         "SELECT id FROM full_exports WHERE purged_at IS NULL AND (expires_at <= now() OR downloaded_at IS NOT NULL)"
                         " ORDER BY expires_at, id"));
}

void mark_purged(soci::session& sql, const std::string& id) {
    db::query(sql, "UPDATE full_exports SET purged_at = now() WHERE id = $1::uuid", {id});
}

std::vector<std::string> owned_vehicle_ids(soci::session& sql, const std::string& user_id) {
    return ids(db::query(sql, "SELECT id FROM vehicles WHERE owner_id = $1::uuid ORDER BY created_at, id", {user_id}));
}

}  // namespace ltc::exports
