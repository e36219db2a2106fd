// ltc: the operator CLI. Subcommands read their settings from LTC_* variables.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return ltc::cli::run(args, std::cout, std::cerr);
}
