#pragma once
// The checks of `ltc verify` (after a restore, or any time): how many rows the main tables
// hold, whether every sealed column opens with the configured keys, whether every stored
// document file still has the SHA-256 of its row. Problems name a table and a row id, never data.
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "crypto/hkdf.hpp"

namespace ltc::cli {

struct CheckResult {
    long long checked = 0;
    std::vector<std::string> problems;
};

// (table, rows) for the tables a restore must bring back, in a fixed order.
std::vector<std::pair<std::string, long long>> count_tables(soci::session& sql);

// Opens every non-NULL sealed value (users, vehicles, sign-in challenges, mail outbox).
CheckResult check_sealed_columns(soci::session& sql, const crypto::KeyRing& keys);

// Every document whose file has not been purged: the file exists under storage_dir/files/<id>
// and its SHA-256 equals the row's. A deleted document's file may be gone already (the
// retention job removes the file before it marks the row).
CheckResult check_document_files(soci::session& sql, const std::string& storage_dir);

}  // namespace ltc::cli
