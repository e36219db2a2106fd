#pragma once
// What handlers may use: configuration, keys, the worker's database session and the metrics.
#include "config/auth_settings.hpp"
#include "config/config.hpp"
#include "crypto/hkdf.hpp"
#include "db/database.hpp"
#include "metrics/shared_metrics.hpp"

namespace ltc::server {

struct Services {
    const config::WorkerConfig& config;
    const config::AuthSettings& auth;
    const crypto::KeyRing& keys;
    db::Database& database;
    metrics::SharedMetrics& metrics;
};

}  // namespace ltc::server
