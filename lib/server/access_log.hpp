#pragma once
// One JSON object per request on stderr: no query strings, bodies, addresses, codes or tokens.
#include <string>

namespace ltc::server {

struct LogRecord {
    std::string level = "info";
    std::string request_id;
    std::string method;
    std::string route;  // the route template, never the raw path (ids and tokens live there)
    int status = 0;
    double duration_ms = 0;
    std::string role;
    std::string error_kind;
    std::string sqlstate;  // a failed statement's SQLSTATE (a class and code, never data)
};

std::string format_log_line(const LogRecord& record, const std::string& timestamp);
std::string utc_timestamp_now();

// Request lines are buffered and written by flush_log() (the watchdog calls it every 100 ms),
// which saves a system call per request; a killed worker loses at most that much log.
void write_log(const LogRecord& record);
void flush_log();

// A message that is not about a request (start-up, shutdown), same format.
void log_event(const std::string& level, const std::string& message);

}  // namespace ltc::server
