#pragma once
// Request metrics shared by every worker process through one mmap'd file, so /api/metrics,
// answered by whichever worker, shows the sum over the pool. Lock-free atomics only.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ltc::metrics {

inline constexpr std::array<double, 12> latency_buckets_seconds = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0};

struct RequestCount {
    std::string route;
    std::string method;
    int status = 0;
    std::uint64_t count = 0;
};

struct LatencyHistogram {
    std::string route;
    std::array<std::uint64_t, latency_buckets_seconds.size()> buckets{};  // non-cumulative
    std::uint64_t count = 0;
    double sum_seconds = 0;
};

struct Snapshot {
    std::vector<RequestCount> requests;
    std::vector<LatencyHistogram> latencies;
    std::uint64_t db_errors = 0;
    std::uint64_t db_reconnects = 0;
    std::uint64_t workers_busy = 0;
    std::uint64_t workers_live = 0;  // processes of the pool alive now (a pool whose slots gave up shows fewer)
};

struct SharedBlock;

class SharedMetrics {
public:
    // Maps (creating if needed) the file; every process of the pool maps the same one.
    explicit SharedMetrics(const std::string& path);
    ~SharedMetrics();
    SharedMetrics(const SharedMetrics&) = delete;
    SharedMetrics& operator=(const SharedMetrics&) = delete;

    // `route` is the route table's template (or "unmatched"); the method is labelled by method_label.
    void record_request(const std::string& route, const std::string& method, int status, double seconds);
    void count_db_error();
    void count_db_reconnect();
    // Marks this process busy or idle; a dead process's slot is not counted.
    void set_busy(bool busy);

    Snapshot snapshot() const;

private:
    SharedBlock* block_ = nullptr;
    int slot_ = -1;
    std::uint32_t writer_mark_ = 0;  // slots::writing_by(own pid)
};

// GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS as they are; any other method is "other".
std::string method_label(std::string_view method);

// Prometheus text exposition of a snapshot.
std::string render_prometheus(const Snapshot& snapshot, const std::string& version);

}  // namespace ltc::metrics
