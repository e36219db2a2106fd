#pragma once
// What the data commands of `ltc` share: the installation's settings (LTC_* variables), its
// keys and a database session as the application role, with one way of reporting failures.
#include <functional>
#include <ostream>
#include <string>

#include "config/config.hpp"
#include "crypto/hkdf.hpp"
#include "db/database.hpp"

namespace ltc::cli {

struct CliContext {
    config::WorkerConfig config;
    crypto::KeyRing keys;
    db::Database database;

    explicit CliContext(const config::EnvLookup& env);
};

// Runs body with a context; a configuration problem exits 78, a database or other failure 1,
// each with one line on err naming the command (never data).
int run_with_context(const std::string& command, std::ostream& err, const std::function<int(CliContext&)>& body);

}  // namespace ltc::cli
