#pragma once
// `ltc jobs scan`: the virus scan of pending documents (PRODUCT.md §7). LTC_SCAN_COMMAND is
// run as `<command> <file>` (split on spaces, no shell): exit 0 clean, 1 infected, anything
// else (scanner down, timeout, crash) leaves the document pending for a later attempt with
// exponential backoff. Every result lands in one transaction with its audit row and the
// vehicle's trust summary.
#include <chrono>
#include <string>

#include "db/database.hpp"

namespace ltc::documents {

struct ScanSummary {
    int clean = 0;
    int infected = 0;
    int postponed = 0;
};

ScanSummary run_scans(db::Database& database, const std::string& storage_dir, const std::string& command,
                      std::chrono::seconds timeout);

// The scanner's verdict for one file: 0 clean, 1 infected, anything else unknown (-1 when it
// could not be started, was killed, or ran past `timeout` and was killed).
int run_scanner(const std::string& command, const std::string& file, std::chrono::seconds timeout);

}  // namespace ltc::documents
