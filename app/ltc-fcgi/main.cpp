// ltc-fcgi: one worker of the pool that spawn-fcgi + multiwatch run behind nginx.
#include <iostream>

#include "admin/admin_routes.hpp"
#include "auth/auth_routes.hpp"
#include "blog/blog_routes.hpp"
#include "blog/cms_routes.hpp"
#include "config/auth_settings.hpp"
#include "config/config.hpp"
#include "consent/consent_routes.hpp"
#include "crypto/hkdf.hpp"
#include "documents/document_routes.hpp"
#include "entries/entry_routes.hpp"
#include "exports/export_routes.hpp"
#include "vehicles/vehicle_routes.hpp"
#include "db/database.hpp"
#include "db/query.hpp"
#include "health/health_routes.hpp"
#include "http/router.hpp"
#include "metrics/shared_metrics.hpp"
#include "publiclink/public_link_routes.hpp"
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
        const ltc::crypto::KeyRing keys(config.secret_key, auth.key_version);
        ltc::server::Services services{config, auth, keys, database, metrics};

        ltc::http::Router router;
        ltc::health::register_health_routes(router, services);
        ltc::auth::register_sign_in_routes(router, services);
        ltc::auth::register_session_routes(router, services);
        ltc::auth::register_second_factor_routes(router, services);
        ltc::consent::register_consent_routes(router, services);
        ltc::vehicles::register_vehicle_routes(router, services);
        ltc::entries::register_entry_routes(router, services);
        ltc::documents::register_document_routes(router, services);
        ltc::admin::register_admin_routes(router, services);
        ltc::publiclink::register_public_link_routes(router, services);
        ltc::transfers::register_transfer_routes(router, services);
        ltc::exports::register_export_routes(router, services);
        ltc::blog::register_blog_routes(router, services);
        ltc::blog::register_cms_routes(router, services);
        return ltc::server::run_fcgi_worker(router, services);
    } catch (const std::exception& error) {
        ltc::server::log_event("fatal", std::string("worker stopped: ") + error.what());
        return 1;
    }
}
