#include "admin/stats_store.hpp"

#include "db/query.hpp"

namespace ltc::admin {

Stats read_stats(soci::session& sql) {
    // Documents arrive with their own module; until then their count is 0.
    const auto row = db::query(sql,
                               "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM vehicles WHERE deleted_at IS NULL),"
                               " (SELECT count(*) FROM (SELECT DISTINCT ON (entry_id) vehicle_id, deleted FROM entry_versions"
                               "   ORDER BY entry_id, version DESC) e JOIN vehicles v ON v.id = e.vehicle_id"
                               "   WHERE NOT e.deleted AND v.deleted_at IS NULL),"
                               " (SELECT count(*) FROM transfers WHERE status = 'open' AND expires_at > now())")
                         .first();
    Stats stats;
    stats.users = row->integer(0);
    stats.vehicles = row->integer(1);
    stats.entries = row->integer(2);
    stats.transfers_open = row->integer(3);
    return stats;
}

}  // namespace ltc::admin
