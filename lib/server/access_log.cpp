#include "server/access_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

#include <unistd.h>

#include <Poco/JSON/Object.h>

#include "http/json_writer.hpp"
#include "http/response.hpp"

namespace ltc::server {

std::string utc_timestamp_now() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, static_cast<int>(millis));
    return text;
}

namespace {
// The log is on every request's path: built by hand instead of through Poco::JSON and streams.
void append_field(std::string& out, std::string_view name, std::string_view value) {
    out += ",\"";
    out += name;
    out += "\":";
    http::append_json_string(out, value);
}
}  // namespace

std::string format_log_line(const LogRecord& record, const std::string& timestamp) {
    std::string line = "{\"ts\":";
    line.reserve(256);
    http::append_json_string(line, timestamp);
    append_field(line, "level", record.level);
    append_field(line, "request_id", record.request_id);
    append_field(line, "method", record.method);
    append_field(line, "route", record.route);
    // Milliseconds truncated to microseconds, without trailing zeros (12.345, 0.5, 3).
    const long micros = static_cast<long>(record.duration_ms * 1000);
    char numbers[64];
    int length = std::snprintf(numbers, sizeof numbers, ",\"status\":%d,\"duration_ms\":%ld.%03ld", record.status,
                               micros / 1000, micros % 1000);
    while (numbers[length - 1] == '0') --length;
    if (numbers[length - 1] == '.') --length;
    line.append(numbers, static_cast<std::size_t>(length));
    append_field(line, "role", record.role);
    if (!record.error_kind.empty()) append_field(line, "error", record.error_kind);
    if (!record.sqlstate.empty()) append_field(line, "sqlstate", record.sqlstate);
    line += "}\n";
    return line;
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
