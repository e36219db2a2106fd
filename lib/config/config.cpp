#include "config/config.hpp"

#include <cerrno>
#include <cstdlib>

namespace ltc::config {

EnvLookup process_environment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr) return std::nullopt;
        return std::string(value);
    };
}

std::string require_string(const EnvLookup& env, const std::string& name) {
    const auto value = env(name);
    if (!value || value->empty()) throw ConfigError(name + " is not set");
    return *value;
}

long integer_or(const EnvLookup& env, const std::string& name, long fallback, long min, long max) {
    const auto value = env(name);
    if (!value || value->empty()) return fallback;
    errno = 0;
    char* end = nullptr;
    const long parsed = std::strtol(value->c_str(), &end, 10);
    if (errno != 0 || end == value->c_str() || *end != '\0' || parsed < min || parsed > max) {
        throw ConfigError(name + " must be an integer between " + std::to_string(min) + " and " +
                          std::to_string(max));
    }
    return parsed;
}

WorkerConfig load_worker_config(const EnvLookup& env) {
    WorkerConfig config;
    config.secret_key = env("LTC_SECRET_KEY").value_or("");
    if (config.secret_key.size() < min_secret_key_length) {
        throw ConfigError("LTC_SECRET_KEY must be set and at least 32 characters long");
    }
    config.database_url = require_string(env, "LTC_DATABASE_URL");
    config.var_dir = env("LTC_VAR_DIR").value_or("var");
    config.metrics_file = env("LTC_METRICS_FILE").value_or(config.var_dir + "/run/metrics.shm");
    config.health_timeout_ms = static_cast<int>(integer_or(env, "LTC_HEALTH_TIMEOUT_MS", 1500, 100, 60000));
    config.request_deadline_seconds =
        static_cast<int>(integer_or(env, "LTC_REQUEST_DEADLINE_SECONDS", 30, 1, 3600));
    config.max_body_bytes = integer_or(env, "LTC_MAX_BODY_BYTES", config.max_body_bytes, 1024, 64L * 1024 * 1024);
    config.query_timeout_ms = static_cast<int>(integer_or(env, "LTC_QUERY_TIMEOUT_MS", 1500, 100, 600000));
    config.connect_timeout_ms = static_cast<int>(integer_or(env, "LTC_CONNECT_TIMEOUT_MS", 500, 100, 60000));
    if (const auto today = env("LTC_TODAY"); today && !today->empty()) {
        config.today_override = trust::parse_iso_date(*today);
        if (!config.today_override) throw ConfigError("LTC_TODAY must be a date YYYY-MM-DD");
    }
    config.storage_dir = env("LTC_STORAGE_DIR").value_or(config.var_dir + "/storage");
    config.max_upload_bytes = integer_or(env, "LTC_MAX_UPLOAD_BYTES", config.max_upload_bytes, 1024, 64L * 1024 * 1024);
    config.scan_command = env("LTC_SCAN_COMMAND").value_or("");
    config.scan_timeout_seconds = static_cast<int>(integer_or(env, "LTC_SCAN_TIMEOUT_SECONDS", 120, 1, 3600));
    config.document_retention_days =
        static_cast<int>(integer_or(env, "LTC_DOCUMENT_RETENTION_DAYS", config.document_retention_days, 0, 3650));
    if (const auto base = env("LTC_PUBLIC_BASE_URL"); base && !base->empty()) {
        // Printed on stickers: must be an absolute https origin without a trailing slash.
        if (base->rfind("https://", 0) != 0 || base->back() == '/' || base->find_first_of(" ?#") != std::string::npos) {
            throw ConfigError("LTC_PUBLIC_BASE_URL must be an https:// origin without a trailing slash");
        }
        config.public_base_url = *base;
    }
    return config;
}

}  // namespace ltc::config
