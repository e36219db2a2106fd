#pragma once
// The documents' part of `ltc jobs retention`: confirmed PII left for 30 days is deleted, and
// the files of deleted documents are removed after LTC_DOCUMENT_RETENTION_DAYS.
#include <string>

#include "db/database.hpp"

namespace ltc::documents {

struct RetentionSummary {
    long long pii_deleted = 0;
    long long files_removed = 0;
};

RetentionSummary run_retention(db::Database& database, const std::string& storage_dir, int retention_days);

}  // namespace ltc::documents
