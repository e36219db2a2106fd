#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc verify: row counts of the main tables, every sealed column opened with the configured
// keys, every document file's SHA-256 compared with its row (cli/data_checks.hpp). Exit 0 when
// nothing is wrong, 1 when anything is (each problem one line on out), 78 configuration.
int verify_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
