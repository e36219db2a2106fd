#pragma once
// Load for the fault tests: each probe runs in its own thread with its own connection, in a
// loop until stopped, and every answer is kept with when it started and how long it took, so a
// test can ask what happened to the requests of one time window.
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "stack_client.hpp"

namespace ltc::test {

struct Sample {
    std::string probe;
    int status = 0;  // 0: no answer at all (connection failed or timed out)
    std::string error_code;
    double started = 0;  // seconds since the load started
    double seconds = 0;  // time to the answer
    std::string id;      // "id" of a JSON answer (a created row), when there is one
    double ended() const { return started + seconds; }
};

class Load {
public:
    using Probe = std::function<Reply(StackClient&)>;

    Load();
    ~Load();
    Load(const Load&) = delete;
    Load& operator=(const Load&) = delete;

    // A thread sending `probe` again and again, `pause` after each answer, from `source_ip`
    // (a loopback address; empty: 127.0.0.1, which nginx's general edge limit leaves alone).
    void add(const std::string& name, Probe probe, std::chrono::milliseconds pause = std::chrono::milliseconds(0),
             const std::string& source_ip = {});
    // Seconds since the load started.
    double now() const;
    // Stops every thread (each finishes its request in flight) and returns all samples.
    std::vector<Sample> stop();

private:
    void record(Sample sample);

    std::chrono::steady_clock::time_point start_;
    std::atomic<bool> running_{true};
    std::mutex mutex_;
    std::vector<Sample> samples_;
    std::vector<std::thread> threads_;
};

// Samples of one probe (empty name: all) that started in [from, to).
std::vector<Sample> started_between(const std::vector<Sample>& samples, double from, double to,
                                    const std::string& probe = {});
// A line per sample for test messages: "probe status seconds@started".
std::string describe(const std::vector<Sample>& samples);
// Sleeps for fractional seconds (the phases of a fault test).
void pause_seconds(double seconds);

}  // namespace ltc::test
