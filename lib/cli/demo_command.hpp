#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc demo-seed: a demo owner (demo@lifetimecircle.example) with consent and one vehicle with
// a short history, so a fresh local stack has something to look at. Idempotent.
int demo_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
