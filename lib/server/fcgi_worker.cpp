#include "server/fcgi_worker.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>

#include <fcgiapp.h>
#include <malloc.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <Poco/RandomStream.h>
#include <Poco/HexBinaryEncoder.h>

#include "server/access_log.hpp"
#include "server/fcgi_finish.hpp"
#include "server/pipeline.hpp"
#include "server/watchdog.hpp"

namespace ltc::server {

namespace {

std::string random_request_id() {
    Poco::RandomInputStream random;
    char bytes[16];
    random.read(bytes, sizeof bytes);
    static const char* digits = "0123456789abcdef";
    std::string id;
    for (const char byte : bytes) {
        id.push_back(digits[(static_cast<unsigned char>(byte) >> 4) & 0xF]);
        id.push_back(digits[static_cast<unsigned char>(byte) & 0xF]);
    }
    return id;
}

std::string param(FCGX_ParamArray environment, const char* name) {
    const char* value = FCGX_GetParam(name, environment);
    return value != nullptr ? std::string(value) : std::string{};
}

// Reads the request; a body over the limit is not read at all (the answer is 413). A streamed
// route (uploads) gets a reader instead: its handler takes the body from FastCGI stdin itself.
bool read_request(FCGX_Request& fcgi, const http::Router& router, long max_body_bytes, http::Request& request) {
    request.method = param(fcgi.envp, "REQUEST_METHOD");
    auto [path, query] = http::split_request_uri(param(fcgi.envp, "REQUEST_URI"));
    request.path = std::move(path);
    request.query_string = std::move(query);
    request.query = http::parse_query(request.query_string);
    request.request_id = param(fcgi.envp, "REQUEST_ID");
    if (request.request_id.empty()) request.request_id = random_request_id();
    request.remote_addr = param(fcgi.envp, "REMOTE_ADDR");
    for (char** variable = fcgi.envp; variable != nullptr && *variable != nullptr; ++variable) {
        const std::string entry(*variable);
        const auto eq = entry.find('=');
        if (eq == std::string::npos) continue;
        const std::string name = http::header_name_from_cgi(std::string_view(entry).substr(0, eq));
        if (!name.empty()) request.headers[name] = entry.substr(eq + 1);
    }
    request.cookies = http::parse_cookies(request.header("cookie"));

    const std::string length_text = request.header("content-length");
    const long length = length_text.empty() ? 0 : std::strtol(length_text.c_str(), nullptr, 10);
    if (router.match(request.method, request.path).body_mode == http::BodyMode::streamed) {
        request.content_length = length_text.empty() ? -1 : length;
        request.read_body = [&fcgi](char* buffer, std::size_t size) -> std::size_t {
            const int chunk = FCGX_GetStr(buffer, static_cast<int>(size), fcgi.in);
            return chunk > 0 ? static_cast<std::size_t>(chunk) : 0;
        };
        return true;
    }
    if (length < 0 || length > max_body_bytes) return false;
    request.body.resize(static_cast<std::size_t>(length));
    std::size_t received = 0;
    while (received < request.body.size()) {
        const int chunk = FCGX_GetStr(request.body.data() + received, static_cast<int>(request.body.size() - received),
                                      fcgi.in);
        if (chunk <= 0) break;
        received += static_cast<std::size_t>(chunk);
    }
    request.body.resize(received);
    return true;
}

void write_response(FCGX_Request& fcgi, const http::Response& response) {
    std::string head = "Status: " + std::to_string(response.status) + " " + http::status_text(response.status) + "\r\n";
    if (!response.content_type.empty()) head += "Content-Type: " + response.content_type + "\r\n";
    for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
    head += "\r\n";
    FCGX_PutStr(head.data(), static_cast<int>(head.size()), fcgi.out);
    if (!response.body.empty()) FCGX_PutStr(response.body.data(), static_cast<int>(response.body.size()), fcgi.out);
}

// accept() on the shared listening socket gives up after this long (EAGAIN), so that a worker
// told to stop while idle notices it without a signal handler breaking a request's reads. The
// socket is shared by the pool, the option is the same for all.
void bound_accept_wait(int listen_socket) {
    const timeval wait{0, 200'000};
    if (::setsockopt(listen_socket, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait) != 0) {
        log_event("warn", "listening socket without accept timeout: an idle worker stops only when killed");
    }
}

}  // namespace

int run_fcgi_worker(const http::Router& router, Services& services) {
    // A client that went away must not kill the worker.
    std::signal(SIGPIPE, SIG_IGN);
    // Keep up to 8 MiB of freed heap for the next request instead of handing it back to the
    // kernel after each one (glibc trims above 128 KiB by default): a request reading a few
    // hundred rows otherwise pays page faults for the same memory every time. Blocks of 1 MiB
    // and more (exports, PDFs) still come from mmap and go back when freed.
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    Watchdog watchdog(services.config.request_deadline_seconds);
    if (FCGX_Init() != 0) return 1;
    FCGX_Request fcgi;
    if (FCGX_InitRequest(&fcgi, 0, 0) != 0) return 1;
    bound_accept_wait(0);
    log_event("info", "worker ready");

    // A stop request ends the loop between requests: the request taken is always answered,
    // and connections not yet taken stay queued on the socket for the next pool.
    while (!watchdog.stop_requested()) {
        const int accepted = FCGX_Accept_r(&fcgi);
        if (accepted == -EAGAIN) continue;
        if (accepted != 0) break;
        const auto started = std::chrono::steady_clock::now();
        services.metrics.set_busy(true);
        watchdog.request_started();
        services.database.start_request();

        http::Request request;
        Outcome outcome;
        if (read_request(fcgi, router, services.config.max_body_bytes, request)) {
            outcome = handle_request(router, request, services);
        } else {
            outcome.route_template = "unmatched";
            outcome.response = http::error_response(http::ApiError(413, "payload_too_large"), request.request_id);
            outcome.response.with_header("X-Request-Id", request.request_id).with_header("Cache-Control", "no-store");
        }
        write_response(fcgi, outcome.response);
        finish_request(fcgi);
        watchdog.request_finished();

        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        services.metrics.record_request(outcome.route_template, request.method, outcome.response.status, seconds);
        services.metrics.set_busy(false);
        LogRecord record;
        record.level = outcome.response.status >= 500 ? "error" : "info";
        record.request_id = request.request_id;
        record.method = request.method;
        record.route = outcome.route_template;
        record.status = outcome.response.status;
        record.duration_ms = seconds * 1000;
        record.role = request.role;
        record.error_kind = outcome.error_kind;
        record.sqlstate = outcome.sqlstate;
        write_log(record);
    }
    return 0;
}

}  // namespace ltc::server
