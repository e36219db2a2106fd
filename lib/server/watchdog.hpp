#pragma once
// A worker's companion thread: ends the process when one request runs past its deadline (a hung
// database must not hold a pool slot forever; multiwatch starts a fresh worker), flushes the
// buffered log every 100 ms, and notes a request to stop (SIGTERM, SIGINT, or multiwatch's default
// SIGUSR1): the accept loop then finishes the request it has and takes no further one.
// No system call per request: the main thread only stores a timestamp.
#include <atomic>
#include <cstdint>
#include <thread>

namespace ltc::server {

class Watchdog {
public:
    // Blocks the stop signals in the calling thread (and the threads it starts later) and starts the thread.
    explicit Watchdog(int deadline_seconds);
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    void request_started();
    void request_finished();
    // True once a stop signal arrived.
    bool stop_requested() const { return stop_requested_.load(std::memory_order_relaxed); }

private:
    void run();

    int deadline_ms_;
    std::atomic<std::int64_t> started_ms_{0};  // 0: idle
    std::atomic<bool> stop_requested_{false};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace ltc::server
