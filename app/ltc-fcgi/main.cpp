// ltc-fcgi: one worker of the pool that spawn-fcgi + multiwatch run behind nginx.
#include <iostream>

#include "config/auth_settings.hpp"
#include "config/config.hpp"
#include "crypto/hkdf.hpp"
#include "db/database.hpp"
#include "db/query.hpp"
#include "http/router.hpp"
#include "metrics/shared_metrics.hpp"
#include "routes/all_routes.hpp"
#include "server/access_log.hpp"
#include "server/fcgi_worker.hpp"
#include "server/services.hpp"
#include "trust/berlin_date.hpp"
#include "transfers/transfer_routes.hpp"

int main() {
    ltc::config::WorkerConfig config;
    ltc::config::AuthSettings auth;
    try {
        config = ltc::config::load_worker_config(ltc::config::process_environment());
        auth = ltc::config::load_auth_settings(ltc::config::process_environment());
    } catch (const ltc::config::ConfigError& error) {
        ltc::server::log_event("fatal", std::string("refusing to start: ") + error.what());
        return 78;  // EX_CONFIG
    }
    try {
        ltc::db::set_query_deadline(std::chrono::milliseconds(config.query_timeout_ms));
        ltc::trust::set_today_override(config.today_override);
        ltc::metrics::SharedMetrics metrics(config.metrics_file);
        ltc::db::Database database(config.database_url,
                                   {[&metrics] { metrics.count_db_reconnect(); }, [&metrics] { metrics.count_db_error(); }});
        database.set_connect_deadline(std::chrono::milliseconds(config.connect_timeout_ms));
        const ltc::crypto::KeyRing keys(config.secret_key, auth.key_version);
        ltc::server::Services services{config, auth, keys, database, metrics};

        ltc::http::Router router;
        ltc::routes::register_all_routes(router, services);
        return ltc::server::run_fcgi_worker(router, services);
    } catch (const std::exception& error) {
        ltc::server::log_event("fatal", std::string("worker stopped: ") + error.what());
        return 1;
    }
}
