#include "metrics/shared_metrics.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <functional>
#include <iomanip>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "metrics/slot_claim.hpp"

namespace ltc::metrics {

namespace {
constexpr std::uint64_t block_magic = 0x4c54434d45545231ULL;  // "LTCMETR1"
constexpr std::size_t max_request_series = 2048;
constexpr std::size_t max_latency_series = 256;
constexpr std::size_t max_workers = 256;
constexpr std::size_t key_capacity = 96;

static_assert(std::atomic<std::uint64_t>::is_always_lock_free);
static_assert(std::atomic<std::uint32_t>::is_always_lock_free);

struct RequestSlot {
    std::atomic<std::uint32_t> state;
    std::uint32_t status;
    char route[key_capacity];
    char method[16];
    std::atomic<std::uint64_t> count;
};

struct LatencySlot {
    std::atomic<std::uint32_t> state;
    char route[key_capacity];
    std::atomic<std::uint64_t> buckets[latency_buckets_seconds.size()];
    std::atomic<std::uint64_t> count;
    std::atomic<std::uint64_t> sum_microseconds;
};

struct WorkerSlot {
    std::atomic<std::int32_t> pid;
    std::atomic<std::uint32_t> busy;
};
}  // namespace

struct SharedBlock {
    std::atomic<std::uint64_t> magic;
    std::atomic<std::uint64_t> db_errors;
    std::atomic<std::uint64_t> db_reconnects;
    WorkerSlot workers[max_workers];
    RequestSlot requests[max_request_series];
    LatencySlot latencies[max_latency_series];
};

namespace {
void copy_key(char* destination, std::size_t capacity, const std::string& value) {
    const std::size_t length = std::min(value.size(), capacity - 1);
    std::memcpy(destination, value.data(), length);
    destination[length] = '\0';
}

bool key_equals(const char* stored, std::size_t capacity, const std::string& value) {
    return value.size() < capacity && std::strncmp(stored, value.c_str(), capacity) == 0;
}

using slots::find_or_claim;
using slots::process_alive;
}  // namespace

SharedMetrics::SharedMetrics(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot open metrics file " + path + ": " + std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 ||
        (static_cast<std::size_t>(info.st_size) != sizeof(SharedBlock) && ::ftruncate(fd, sizeof(SharedBlock)) != 0)) {
        ::close(fd);
        throw std::runtime_error("cannot size metrics file " + path);
    }
    void* memory = ::mmap(nullptr, sizeof(SharedBlock), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (memory == MAP_FAILED) throw std::runtime_error("cannot map metrics file " + path);
    block_ = static_cast<SharedBlock*>(memory);
    std::uint64_t expected = 0;
    block_->magic.compare_exchange_strong(expected, block_magic);

    const auto own_pid = static_cast<std::int32_t>(::getpid());
    writer_mark_ = slots::writing_by(own_pid);
    for (std::size_t i = 0; i < max_workers && slot_ < 0; ++i) {
        std::int32_t current = block_->workers[i].pid.load();
        if (current == own_pid) {
            slot_ = static_cast<int>(i);
        } else if (!process_alive(current) && block_->workers[i].pid.compare_exchange_strong(current, own_pid)) {
            block_->workers[i].busy.store(0);
            slot_ = static_cast<int>(i);
        }
    }
}

SharedMetrics::~SharedMetrics() {
    if (block_ == nullptr) return;
    if (slot_ >= 0) {
        block_->workers[slot_].busy.store(0);
        block_->workers[slot_].pid.store(0);
    }
    ::munmap(block_, sizeof(SharedBlock));
}

std::string method_label(std::string_view method) {
    static constexpr std::string_view known[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
    for (const auto name : known) {
        if (method == name) return std::string(name);
    }
    return "other";
}

void SharedMetrics::record_request(const std::string& route, const std::string& raw_method, int status,
                                   double seconds) {
    // Clients choose the method: only a fixed set of labels, so that they cannot fill the table.
    const std::string method = method_label(raw_method);
    const std::size_t hash = std::hash<std::string>{}(route + ' ' + method + ' ' + std::to_string(status));
    RequestSlot* request = find_or_claim(
        block_->requests, hash, writer_mark_,
        [&](const RequestSlot& slot) {
            return slot.status == static_cast<std::uint32_t>(status) && key_equals(slot.route, key_capacity, route) &&
                   key_equals(slot.method, sizeof slot.method, method);
        },
        [&](RequestSlot& slot) {
            slot.status = static_cast<std::uint32_t>(status);
            copy_key(slot.route, key_capacity, route);
            copy_key(slot.method, sizeof slot.method, method);
        });
    if (request != nullptr) request->count.fetch_add(1, std::memory_order_relaxed);

    LatencySlot* latency = find_or_claim(
        block_->latencies, std::hash<std::string>{}(route), writer_mark_,
        [&](const LatencySlot& slot) { return key_equals(slot.route, key_capacity, route); },
        [&](LatencySlot& slot) { copy_key(slot.route, key_capacity, route); });
    if (latency == nullptr) return;
    for (std::size_t i = 0; i < latency_buckets_seconds.size(); ++i) {
        if (seconds <= latency_buckets_seconds[i]) {
            latency->buckets[i].fetch_add(1, std::memory_order_relaxed);
            break;
        }
    }
    latency->count.fetch_add(1, std::memory_order_relaxed);
    latency->sum_microseconds.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void SharedMetrics::count_db_error() { block_->db_errors.fetch_add(1, std::memory_order_relaxed); }

void SharedMetrics::count_db_reconnect() { block_->db_reconnects.fetch_add(1, std::memory_order_relaxed); }

void SharedMetrics::set_busy(bool busy) {
    if (slot_ >= 0) block_->workers[slot_].busy.store(busy ? 1 : 0, std::memory_order_relaxed);
}

Snapshot SharedMetrics::snapshot() const {
    Snapshot result;
    result.db_errors = block_->db_errors.load();
    result.db_reconnects = block_->db_reconnects.load();
    for (const WorkerSlot& worker : block_->workers) {
        if (!process_alive(worker.pid.load())) continue;
        ++result.workers_live;
        if (worker.busy.load() != 0) ++result.workers_busy;
    }
    for (const RequestSlot& slot : block_->requests) {
        if (slot.state.load(std::memory_order_acquire) != slots::ready) continue;
        result.requests.push_back(RequestCount{slot.route, slot.method, static_cast<int>(slot.status), slot.count.load()});
    }
    for (const LatencySlot& slot : block_->latencies) {
        if (slot.state.load(std::memory_order_acquire) != slots::ready) continue;
        LatencyHistogram histogram;
        histogram.route = slot.route;
        for (std::size_t i = 0; i < histogram.buckets.size(); ++i) histogram.buckets[i] = slot.buckets[i].load();
        histogram.count = slot.count.load();
        histogram.sum_seconds = static_cast<double>(slot.sum_microseconds.load()) / 1e6;
        result.latencies.push_back(histogram);
    }
    return result;
}

namespace {
// Label values are route templates and methods from our own router, but escape anyway.
std::string label(const std::string& value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\' || c == '"') out.push_back('\\');
        if (c == '\n') { out += "\\n"; continue; }
        out.push_back(c);
    }
    return out;
}
}  // namespace

std::string render_prometheus(const Snapshot& snapshot, const std::string& version) {
    std::ostringstream out;
    out << "# HELP ltc_http_requests_total HTTP requests answered by the workers.\n"
        << "# TYPE ltc_http_requests_total counter\n";
    for (const auto& series : snapshot.requests) {
        out << "ltc_http_requests_total{route=\"" << label(series.route) << "\",method=\"" << label(series.method)
            << "\",status=\"" << series.status << "\"} " << series.count << '\n';
    }
    out << "# HELP ltc_http_request_duration_seconds Time from request start to response written.\n"
        << "# TYPE ltc_http_request_duration_seconds histogram\n";
    for (const auto& series : snapshot.latencies) {
        std::uint64_t cumulative = 0;
        const std::string route = label(series.route);
        for (std::size_t i = 0; i < series.buckets.size(); ++i) {
            cumulative += series.buckets[i];
            out << "ltc_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
                << latency_buckets_seconds[i] << "\"} " << cumulative << '\n';
        }
        out << "ltc_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << series.count
            << '\n'
            << "ltc_http_request_duration_seconds_sum{route=\"" << route << "\"} " << std::fixed
            << std::setprecision(6) << series.sum_seconds << std::defaultfloat << '\n'
            << "ltc_http_request_duration_seconds_count{route=\"" << route << "\"} " << series.count << '\n';
    }
    out << "# HELP ltc_db_errors_total Database errors seen by the workers.\n"
        << "# TYPE ltc_db_errors_total counter\n"
        << "ltc_db_errors_total " << snapshot.db_errors << '\n'
        << "# HELP ltc_db_reconnects_total Database sessions reopened after a connection error.\n"
        << "# TYPE ltc_db_reconnects_total counter\n"
        << "ltc_db_reconnects_total " << snapshot.db_reconnects << '\n'
        << "# HELP ltc_workers_busy Worker processes answering a request right now.\n"
        << "# TYPE ltc_workers_busy gauge\n"
        << "ltc_workers_busy " << snapshot.workers_busy << '\n'
        << "# HELP ltc_workers_live Worker processes of the pool alive right now.\n"
        << "# TYPE ltc_workers_live gauge\n"
        << "ltc_workers_live " << snapshot.workers_live << '\n'
        << "# HELP ltc_build_info Build of the running workers.\n"
        << "# TYPE ltc_build_info gauge\n"
        << "ltc_build_info{version=\"" << label(version) << "\"} 1\n";
    return out.str();
}

}  // namespace ltc::metrics
