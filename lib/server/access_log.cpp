#include "server/access_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iomanip>
#include <mutex>
#include <sstream>

#include <unistd.h>

#include <Poco/JSON/Object.h>

#include "http/response.hpp"

namespace ltc::server {

std::string utc_timestamp_now() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    std::ostringstream out;
    out << std::put_time(&parts, "%Y-%m-%dT%H:%M:%S") << '.' << std::setw(3) << std::setfill('0') << millis << 'Z';
    return out.str();
}

std::string format_log_line(const LogRecord& record, const std::string& timestamp) {
    Poco::JSON::Object::Ptr line = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    line->set("ts", timestamp);
    line->set("level", record.level);
    line->set("request_id", record.request_id);
    line->set("method", record.method);
    line->set("route", record.route);
    line->set("status", record.status);
    line->set("duration_ms", static_cast<double>(static_cast<long>(record.duration_ms * 1000)) / 1000);
    line->set("role", record.role);
    if (!record.error_kind.empty()) line->set("error", record.error_kind);
    return http::to_json(line) + "\n";
}

namespace {
void write_line(const std::string& line) {
    // One write(2) per line keeps lines from several workers sharing the log file whole.
    const ssize_t written = ::write(STDERR_FILENO, line.data(), line.size());
    (void)written;
}

std::mutex log_buffer_mutex;
std::string log_buffer;
constexpr std::size_t log_buffer_limit = 64 * 1024;
}  // namespace

void flush_log() {
    std::string pending;
    {
        const std::lock_guard lock(log_buffer_mutex);
        pending.swap(log_buffer);
    }
    if (!pending.empty()) write_line(pending);
}

void write_log(const LogRecord& record) {
    const std::string line = format_log_line(record, utc_timestamp_now());
    bool full = false;
    {
        const std::lock_guard lock(log_buffer_mutex);
        log_buffer += line;
        full = log_buffer.size() >= log_buffer_limit;
    }
    if (full) flush_log();
}

void log_event(const std::string& level, const std::string& message) {
    Poco::JSON::Object::Ptr line = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    line->set("ts", utc_timestamp_now());
    line->set("level", level);
    line->set("message", message);
    line->set("pid", static_cast<int>(::getpid()));
    {
        const std::lock_guard lock(log_buffer_mutex);
        log_buffer += http::to_json(line) + "\n";
    }
    flush_log();  // events are rare and must survive an exit that follows them
}

}  // namespace ltc::server
