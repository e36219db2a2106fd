#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc migrate [--dir DIR]: applies pending migrations as the owner role (LTC_MIGRATE_DATABASE_URL).
int migrate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
