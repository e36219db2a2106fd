#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc jobs retention: the daily clean-up of PRODUCT.md §14 for what exists so far — expired
// challenges, sessions and rate-limit windows, mail content older than an hour, and document
// files (documents/retention.hpp).
// ltc jobs scan: the virus scan of pending documents (documents/scan_job.hpp).
// challenges, sessions and rate-limit windows, mail content older than an hour, and the files
// of expired or downloaded full exports.
int jobs_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
