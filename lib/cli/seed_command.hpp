#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc seed --owners N --vehicles-per-owner M --entries-per-vehicle K [--seed S]: deterministic
// load-test data (the same seed gives the same owners, VINs and entry facts). Owners are
// seed-<S>-<i>@seed.example with consent given; written in multi-row inserts with their trust
// summaries, so a million entries take minutes.
int seed_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
