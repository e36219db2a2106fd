#include "entries/entry_store.hpp"

#include "db/rows.hpp"

namespace ltc::entries {

namespace {
std::string columns(const std::string& alias) {
    return alias + "entry_id, " + alias + "version, to_char(" + alias + "date, 'YYYY-MM-DD'), " + alias + "category, " +
           alias + "performed_by, " + alias + "odometer_km, " + alias + "note, " + alias + "cost::text, " + alias +
           "paper_book::int, " + alias + "deleted::int, " + alias + "reason, " + db::iso_utc(alias + "created_at") + ", " +
           alias + "created_by";
}

EntryVersion from_row(const soci::row& row) {
    EntryVersion entry;
    entry.entry_id = db::text(row, 0);
    entry.version = db::integer(row, 1);
    entry.fields.date = db::text(row, 2);
    entry.fields.category = db::text(row, 3);
    entry.fields.performed_by = db::text(row, 4);
    entry.fields.odometer_km = db::integer(row, 5);
    entry.fields.note = db::optional_text(row, 6);
    entry.fields.cost = db::optional_text(row, 7);
    entry.fields.paper_book = db::flag(row, 8);
    entry.deleted = db::flag(row, 9);
    entry.reason = db::optional_text(row, 10);
    entry.created_at = db::text(row, 11);
    entry.created_by = db::text(row, 12);
    return entry;
}

std::vector<EntryVersion> read_all(soci::rowset<soci::row> rows) {
    std::vector<EntryVersion> result;
    for (const auto& row : rows) result.push_back(from_row(row));
    return result;
}
}  // namespace

std::vector<EntryVersion> latest_entries(soci::session& sql, const std::string& vehicle_id) {
    return read_all((sql.prepare << "SELECT " << columns("l.") << " FROM (SELECT DISTINCT ON (entry_id) * FROM entry_versions"
                                    " WHERE vehicle_id = CAST(:vehicle AS uuid) ORDER BY entry_id, version DESC) l"
                                    " WHERE NOT l.deleted ORDER BY l.date DESC, l.created_at DESC, l.entry_id",
                     soci::use(vehicle_id)));
}

std::optional<EntryVersion> latest_version(soci::session& sql, const std::string& vehicle_id, const std::string& entry_id) {
    auto rows = read_all((sql.prepare << "SELECT " << columns("") << " FROM entry_versions WHERE vehicle_id = CAST(:vehicle AS uuid)"
                                         " AND entry_id = CAST(:entry AS uuid) ORDER BY version DESC LIMIT 1",
                          soci::use(vehicle_id, "vehicle"), soci::use(entry_id, "entry")));
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<EntryVersion> history(soci::session& sql, const std::string& vehicle_id, const std::string& entry_id) {
    return read_all((sql.prepare << "SELECT " << columns("") << " FROM entry_versions WHERE vehicle_id = CAST(:vehicle AS uuid)"
                                    " AND entry_id = CAST(:entry AS uuid) ORDER BY version",
                     soci::use(vehicle_id, "vehicle"), soci::use(entry_id, "entry")));
}

EntryVersion insert_version(soci::session& sql, const std::string& vehicle_id, const EntryVersion& version) {
    std::string note = version.fields.note.value_or("");
    soci::indicator note_indicator = version.fields.note ? soci::i_ok : soci::i_null;
    std::string cost = version.fields.cost.value_or("");
    soci::indicator cost_indicator = version.fields.cost ? soci::i_ok : soci::i_null;
    std::string reason = version.reason.value_or("");
    soci::indicator reason_indicator = version.reason ? soci::i_ok : soci::i_null;
    int paper_book = version.fields.paper_book ? 1 : 0;
    int deleted = version.deleted ? 1 : 0;
    soci::rowset<soci::row> rows =
        (sql.prepare << "INSERT INTO entry_versions (entry_id, version, vehicle_id, date, category, performed_by, odometer_km,"
                        " note, cost, paper_book, deleted, reason, created_by) VALUES (CAST(:entry AS uuid), :version,"
                        " CAST(:vehicle AS uuid), CAST(:date AS date), :category, :performed_by, :km, :note,"
                        " CAST(:cost AS numeric), CAST(:paper AS int)::boolean, CAST(:deleted AS int)::boolean, :reason,"
                        " CAST(:by AS uuid)) RETURNING " << columns(""),
         soci::use(version.entry_id, "entry"), soci::use(version.version, "version"), soci::use(vehicle_id, "vehicle"),
         soci::use(version.fields.date, "date"), soci::use(version.fields.category, "category"),
         soci::use(version.fields.performed_by, "performed_by"), soci::use(version.fields.odometer_km, "km"),
         soci::use(note, note_indicator, "note"), soci::use(cost, cost_indicator, "cost"), soci::use(paper_book, "paper"),
         soci::use(deleted, "deleted"), soci::use(reason, reason_indicator, "reason"), soci::use(version.created_by, "by"));
    for (const auto& row : rows) return from_row(row);
    throw std::runtime_error("insert returned no row");
}

}  // namespace ltc::entries
