#include "documents/retention.hpp"

#include "audit/audit.hpp"
#include "documents/document_storage.hpp"
#include "documents/document_store.hpp"
#include "vehicles/trust_summary.hpp"

namespace ltc::documents {

RetentionSummary run_retention(db::Database& database, const std::string& storage_dir, int retention_days) {
    RetentionSummary summary;
    database.transaction([&](soci::session& tx) {
        for (const auto& [document_id, vehicle_id] : delete_expired_confirmed_pii(tx)) {
            vehicles::refresh_trust_summary(tx, vehicle_id);
            audit::Event event;
            event.action = "DOCUMENT_DELETED";
            event.actor_role = "cli";
            event.target_type = "document";
            event.target_id = document_id;
            event.meta = {{"vehicle_id", vehicle_id}, {"reason_code", std::string("pii_confirmed_expired")}};
            audit::record(tx, event);
            ++summary.pii_deleted;
        }
    });
    const Storage storage(storage_dir);
    for (const std::string& id : files_due_for_removal(database.session(), retention_days)) {
        // The file goes first: after a crash in between the next run finds the row again, and an
        // absent file counts as removed.
        remove_file(storage.file_path(id));
        mark_file_removed(database.session(), id);
        ++summary.files_removed;
    }
    return summary;
}

}  // namespace ltc::documents
