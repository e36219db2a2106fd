#pragma once
// What handlers may use: configuration, the worker's database session and the shared metrics.
#include "config/config.hpp"
#include "db/database.hpp"
#include "metrics/shared_metrics.hpp"

namespace ltc::server {

struct Services {
    const config::WorkerConfig& config;
    db::Database& database;
    metrics::SharedMetrics& metrics;
};

}  // namespace ltc::server
