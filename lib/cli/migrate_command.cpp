#include "cli/migrate_command.hpp"

#include "config/config.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace ltc::cli {

int migrate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string directory = "sql";
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--dir" && i + 1 < args.size()) {
            directory = args[++i];
        } else {
            err << "usage: ltc migrate [--dir DIR]\n";
            return 2;
        }
    }
    try {
        const auto env = config::process_environment();
        db::Database database(config::require_string(env, "LTC_MIGRATE_DATABASE_URL"));
        const int applied = db::run_migrations(database.raw_connection(), directory,
                                               [&out](const std::string& line) { out << line << '\n'; });
        out << (applied == 0 ? "migrations: up to date\n" : "migrations: applied " + std::to_string(applied) + "\n");
        return 0;
    } catch (const db::DatabaseUnavailable&) {
        err << "ltc migrate: the database is not reachable (LTC_MIGRATE_DATABASE_URL)\n";
    } catch (const std::exception& error) {
        err << "ltc migrate: " << error.what() << '\n';
    }
    return 1;
}

}  // namespace ltc::cli
