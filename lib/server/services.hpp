#pragma once
// What handlers may use: configuration, keys, the worker's database session and the metrics.
#include "config/auth_settings.hpp"
#include "config/config.hpp"
#include "crypto/hkdf.hpp"
#include "db/database.hpp"
#include "metrics/shared_metrics.hpp"
#include "trust/berlin_date.hpp"

namespace ltc::server {

struct Services {
    const config::WorkerConfig& config;
    const config::AuthSettings& auth;
    const crypto::KeyRing& keys;
    db::Database& database;
    metrics::SharedMetrics& metrics;
};

// Today in Europe/Berlin (API.md), from the process clock.
inline trust::CivilDate today(const Services& services) { return trust::berlin_today(services.config.today_override); }

}  // namespace ltc::server
