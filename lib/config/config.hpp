#pragma once
// Settings from LTC_* environment variables (docs/configuration.md lists them all).
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "trust/civil_date.hpp"

namespace ltc::config {

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Looks a variable up; nullopt when unset. Tests pass a map, the programs the real environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

EnvLookup process_environment();

struct WorkerConfig {
    std::string secret_key;         // LTC_SECRET_KEY, at least 32 characters
    std::string database_url;       // LTC_DATABASE_URL (application role)
    std::string var_dir;            // LTC_VAR_DIR
    std::string metrics_file;       // LTC_METRICS_FILE, default <var>/run/metrics.shm
    int health_timeout_ms = 1500;   // LTC_HEALTH_TIMEOUT_MS: client-side deadline of /api/health
    int request_deadline_seconds = 30;  // LTC_REQUEST_DEADLINE_SECONDS: watchdog per request
    long max_body_bytes = 10L * 1024 * 1024 + 1024 * 1024;  // LTC_MAX_BODY_BYTES (uploads + multipart slack)
    int query_timeout_ms = 1500;    // LTC_QUERY_TIMEOUT_MS: client-side deadline of every statement
    int connect_timeout_ms = 500;   // LTC_CONNECT_TIMEOUT_MS: client-side deadline of opening a connection
    std::optional<trust::CivilDate> today_override;  // LTC_TODAY=YYYY-MM-DD: tests of date boundaries only
    std::string storage_dir;        // LTC_STORAGE_DIR, default <var>/storage (documents)
    long max_upload_bytes = 10L * 1024 * 1024;  // LTC_MAX_UPLOAD_BYTES: one document (PRODUCT.md §7)
    std::string scan_command;       // LTC_SCAN_COMMAND: virus scanner run by `ltc jobs scan` (optional)
    int scan_timeout_seconds = 120;  // LTC_SCAN_TIMEOUT_SECONDS: a scanner running longer is killed
    int document_retention_days = 30;  // LTC_DOCUMENT_RETENTION_DAYS: files of deleted documents
    std::string public_base_url = "https://127.0.0.1:8443";  // LTC_PUBLIC_BASE_URL: origin of the QR links
};

constexpr std::size_t min_secret_key_length = 32;

// Throws ConfigError naming the variable (never its value) when something is missing or wrong.
WorkerConfig load_worker_config(const EnvLookup& env);

// Shared readers, so every LTC_* integer is parsed and range-checked the same way.
std::string require_string(const EnvLookup& env, const std::string& name);
long integer_or(const EnvLookup& env, const std::string& name, long fallback, long min, long max);

}  // namespace ltc::config
