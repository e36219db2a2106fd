#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc routes (not in the usage text): "METHOD TEMPLATE ACCESS" per registered route, read by the
// authorization matrix test. Registers the worker's routes without configuration or database.
int routes_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
