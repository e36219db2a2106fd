#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc verify-trust: recomputes every stored trust summary that still holds today from the
// vehicle's facts and lists the vehicles whose stored summary differs; exit 1 when any does.
int verify_trust_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
