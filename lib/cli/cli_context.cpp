#include "cli/cli_context.hpp"

#include "config/auth_settings.hpp"
#include "db/query.hpp"
#include "trust/berlin_date.hpp"

namespace ltc::cli {

CliContext::CliContext(const config::EnvLookup& env)
    : config(config::load_worker_config(env)),
      keys(config.secret_key, config::load_auth_settings(env).key_version),
      database(config.database_url) {
    trust::set_today_override(config.today_override);
}

int run_with_context(const std::string& command, std::ostream& err, const std::function<int(CliContext&)>& body) {
    // Operator commands (migrations, re-keying, seeding) may run long; the per-statement
    // deadline protects request handling, not these.
    db::set_query_deadline(std::chrono::hours(2));
    try {
        CliContext context(config::process_environment());
        return body(context);
    } catch (const config::ConfigError& error) {
        err << "ltc " << command << ": " << error.what() << '\n';
        return 78;
    } catch (const db::DatabaseUnavailable&) {
        err << "ltc " << command << ": the database is not reachable (LTC_DATABASE_URL)\n";
    } catch (const db::QueryError& error) {
        err << "ltc " << command << ": a statement failed (SQLSTATE " << error.sqlstate() << ")\n";
    } catch (const std::exception&) {
        err << "ltc " << command << ": failed\n";
    }
    return 1;
}

}  // namespace ltc::cli
