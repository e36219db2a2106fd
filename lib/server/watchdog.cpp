#include "server/watchdog.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <ctime>

#include "server/access_log.hpp"

namespace ltc::server {

namespace {
std::int64_t steady_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

sigset_t termination_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGUSR1);  // multiwatch's default "graceful" signal
    return set;
}
}  // namespace

Watchdog::Watchdog(int deadline_seconds) : deadline_ms_(deadline_seconds * 1000) {
    const sigset_t signals = termination_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    thread_ = std::thread([this] { run(); });
}

Watchdog::~Watchdog() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
    flush_log();
}

void Watchdog::request_started() { started_ms_.store(steady_ms(), std::memory_order_relaxed); }

void Watchdog::request_finished() { started_ms_.store(0, std::memory_order_relaxed); }

void Watchdog::run() {
    const sigset_t signals = termination_signals();
    const timespec tick{0, 100'000'000};
    while (!stopping_) {
        if (sigtimedwait(&signals, nullptr, &tick) > 0 && !stop_requested_) {
            log_event("info", "worker stopping after the current request");
            stop_requested_ = true;
        }
        flush_log();
        const std::int64_t started = started_ms_.load(std::memory_order_relaxed);
        if (started != 0 && steady_ms() - started > deadline_ms_) {
            log_event("error", "request exceeded its deadline; worker exits and is replaced");
            flush_log();
            std::_Exit(70);
        }
    }
}

}  // namespace ltc::server
