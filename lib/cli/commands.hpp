#pragma once
// The `ltc` subcommands; each returns the process exit code.
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
