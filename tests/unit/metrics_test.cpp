#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "metrics/shared_metrics.hpp"
#include "metrics/slot_claim.hpp"

using ltc::metrics::render_prometheus;
using ltc::metrics::SharedMetrics;
using ltc::metrics::Snapshot;

namespace {
const std::string route = "/api/vehicles/{id}";

// A fresh metrics file per test, removed afterwards.
struct MetricsFile {
    std::string path;
    MetricsFile() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ltc-metrics-test-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        BOOST_REQUIRE(fd >= 0);
        ::close(fd);
        path = pattern;
    }
    ~MetricsFile() { std::filesystem::remove(path); }
};

// Runs work in a child process that ends with _exit (no destructors of the parent's objects,
// no Boost.Test teardown); returns the child's pid.
template <typename Work>
pid_t run_child(Work work) {
    const pid_t pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
        int code = 0;
        try {
            code = work();
        } catch (...) {
            code = 99;
        }
        ::_exit(code);
    }
    return pid;
}

int wait_exit_code(pid_t pid) {
    int status = 0;
    BOOST_REQUIRE(::waitpid(pid, &status, 0) == pid);
    BOOST_REQUIRE(WIFEXITED(status));
    return WEXITSTATUS(status);
}

std::uint64_t requests(const Snapshot& snapshot, const std::string& r, const std::string& method, int status) {
    for (const auto& series : snapshot.requests) {
        if (series.route == r && series.method == method && series.status == status) return series.count;
    }
    return 0;
}

const ltc::metrics::LatencyHistogram* histogram(const Snapshot& snapshot, const std::string& r) {
    for (const auto& series : snapshot.latencies) {
        if (series.route == r) return &series;
    }
    return nullptr;
}

bool has_line(const std::string& text, const std::string& line) {
    return text.starts_with(line + "\n") || text.find("\n" + line + "\n") != std::string::npos;
}

// A child process that marks itself busy, reports that, and dies busy when told to.
class BusyChild {
public:
    explicit BusyChild(const std::string& path) {
        BOOST_REQUIRE(::pipe(ready_) == 0);
        BOOST_REQUIRE(::pipe(go_) == 0);
        pid_ = run_child([&]() -> int {
            ::close(go_[1]);  // so that the parent closing its end is an EOF here
            ::close(ready_[0]);
            SharedMetrics own(path);
            own.set_busy(true);
            char byte = 'r';
            if (::write(ready_[1], &byte, 1) != 1) return 2;
            if (::read(go_[0], &byte, 1) != 1) return 3;
            ::_exit(0);  // while `own` lives: its destructor would clear the slot
        });
        char byte = 0;
        BOOST_REQUIRE(::read(ready_[0], &byte, 1) == 1);
    }
    void die_busy() {
        const char byte = 'g';
        BOOST_REQUIRE(::write(go_[1], &byte, 1) == 1);
        BOOST_REQUIRE(wait_exit_code(pid_) == 0);
        pid_ = -1;
    }
    ~BusyChild() {
        for (const int fd : {ready_[0], ready_[1], go_[0], go_[1]}) ::close(fd);
        if (pid_ > 0) ::waitpid(pid_, nullptr, 0);  // closing go_ ends the child
    }
    BusyChild(const BusyChild&) = delete;
    BusyChild& operator=(const BusyChild&) = delete;

private:
    int ready_[2] = {-1, -1};
    int go_[2] = {-1, -1};
    pid_t pid_ = -1;
};

// A table slot like the shared file's, for the claim protocol alone.
struct TestSlot {
    std::atomic<std::uint32_t> state{ltc::metrics::slots::empty};
    int key = 0;
};

TestSlot* claim(TestSlot (&table)[4], int key) {
    return ltc::metrics::slots::find_or_claim(
        table, 0, ltc::metrics::slots::writing_by(::getpid()), [&](const TestSlot& slot) { return slot.key == key; },
        [&](TestSlot& slot) { slot.key = key; });
}

// The pid of a process that has already ended.
pid_t dead_pid() {
    const pid_t pid = run_child([] { return 0; });
    BOOST_REQUIRE(wait_exit_code(pid) == 0);
    return pid;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(metrics)

BOOST_AUTO_TEST_CASE(methods_are_labelled_from_a_fixed_set) {
    for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}) {
        BOOST_TEST(ltc::metrics::method_label(method) == method);
    }
    for (const char* method : {"get", "PROPFIND", "", "TRACE", "AVERYLONGMETHODNAMEOFMORETHAN16"}) {
        BOOST_TEST(ltc::metrics::method_label(method) == "other");
    }
}

BOOST_AUTO_TEST_CASE(unknown_methods_cannot_exhaust_the_table) {
    // Before: every method of 16+ characters claimed a slot until the table was full, and the
    // first 503s of an outage were dropped after that.
    const MetricsFile file;
    SharedMetrics metrics(file.path);
    for (int i = 0; i < 3000; ++i) metrics.record_request(route, "XMETHOD-" + std::to_string(i) + "-PADDING-PADDING", 404, 0.001);
    metrics.record_request("/api/health", "GET", 503, 0.001);
    const Snapshot snapshot = metrics.snapshot();
    BOOST_TEST(requests(snapshot, route, "other", 404) == 3000U);
    BOOST_TEST(requests(snapshot, "/api/health", "GET", 503) == 1U);
    BOOST_TEST(snapshot.requests.size() == 2U);
}

BOOST_AUTO_TEST_CASE(a_slot_left_mid_write_by_a_dead_worker_is_claimed_again) {
    TestSlot table[4];
    table[0].state = ltc::metrics::slots::writing_by(dead_pid());
    table[0].key = 99;  // half written
    TestSlot* slot = claim(table, 7);
    BOOST_REQUIRE(slot == &table[0]);
    BOOST_TEST(slot->key == 7);
    BOOST_TEST(slot->state.load() == ltc::metrics::slots::ready);
    BOOST_TEST(claim(table, 7) == &table[0]);
}

BOOST_AUTO_TEST_CASE(a_slot_held_by_a_live_writer_is_waited_for_boundedly) {
    TestSlot table[4];
    table[0].state = ltc::metrics::slots::writing_by(::getpid());  // a writer that never finishes
    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(claim(table, 7) == nullptr);  // the sample is dropped
    BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(1)));
    BOOST_TEST(table[1].state.load() == ltc::metrics::slots::empty);  // no second series for the key
}

BOOST_AUTO_TEST_CASE(requests_are_summed_across_processes) {
    const MetricsFile file;
    SharedMetrics parent(file.path);

    const pid_t child = run_child([&] {
        SharedMetrics own(file.path);
        for (int i = 0; i < 3; ++i) own.record_request(route, "GET", 200, 0.25);
        return 0;
    });
    parent.record_request(route, "GET", 200, 2.0);
    parent.record_request(route, "GET", 200, 2.0);
    BOOST_REQUIRE(wait_exit_code(child) == 0);

    const Snapshot snapshot = parent.snapshot();
    BOOST_TEST(snapshot.requests.size() == 1U);
    BOOST_TEST(requests(snapshot, route, "GET", 200) == 5U);
    const auto* latency = histogram(snapshot, route);
    BOOST_REQUIRE(latency != nullptr);
    BOOST_TEST(latency->count == 5U);
    BOOST_TEST(latency->sum_seconds == 4.75);
    // Non-cumulative buckets: 0.25 s falls into le=0.25 (index 7), 2.0 s into le=2.5 (index 10).
    BOOST_TEST(latency->buckets[7] == 3U);
    BOOST_TEST(latency->buckets[10] == 2U);
    std::uint64_t total = 0;
    for (const auto count : latency->buckets) total += count;
    BOOST_TEST(total == 5U);

    // Another process sees the same sums.
    SharedMetrics reader(file.path);
    BOOST_TEST(requests(reader.snapshot(), route, "GET", 200) == 5U);
}

BOOST_AUTO_TEST_CASE(series_are_kept_apart_by_route_method_and_status) {
    const MetricsFile file;
    SharedMetrics metrics(file.path);
    metrics.record_request(route, "GET", 200, 0.001);
    metrics.record_request(route, "GET", 404, 0.001);
    metrics.record_request(route, "DELETE", 200, 0.001);
    metrics.record_request("/api/health", "GET", 200, 0.001);
    metrics.record_request("/api/health", "GET", 200, 0.001);
    const Snapshot snapshot = metrics.snapshot();
    BOOST_TEST(snapshot.requests.size() == 4U);
    BOOST_TEST(requests(snapshot, route, "GET", 200) == 1U);
    BOOST_TEST(requests(snapshot, route, "GET", 404) == 1U);
    BOOST_TEST(requests(snapshot, route, "DELETE", 200) == 1U);
    BOOST_TEST(requests(snapshot, "/api/health", "GET", 200) == 2U);
    BOOST_TEST(snapshot.latencies.size() == 2U);
    BOOST_TEST(histogram(snapshot, route)->count == 3U);
    BOOST_TEST(histogram(snapshot, "/api/health")->count == 2U);
}

BOOST_AUTO_TEST_CASE(db_counters_are_shared) {
    const MetricsFile file;
    SharedMetrics parent(file.path);
    const pid_t child = run_child([&] {
        SharedMetrics own(file.path);
        own.count_db_error();
        own.count_db_reconnect();
        return 0;
    });
    parent.count_db_error();
    BOOST_REQUIRE(wait_exit_code(child) == 0);
    const Snapshot snapshot = parent.snapshot();
    BOOST_TEST(snapshot.db_errors == 2U);
    BOOST_TEST(snapshot.db_reconnects == 1U);
}

BOOST_AUTO_TEST_CASE(busy_gauge_does_not_count_a_dead_process) {
    const MetricsFile file;
    SharedMetrics parent(file.path);
    parent.set_busy(true);

    BusyChild child(file.path);
    BOOST_TEST(parent.snapshot().workers_busy == 2U);
    child.die_busy();
    BOOST_TEST(parent.snapshot().workers_busy == 1U);

    parent.set_busy(false);
    BOOST_TEST(parent.snapshot().workers_busy == 0U);
}

BOOST_AUTO_TEST_CASE(live_gauge_counts_idle_and_busy_processes_but_not_dead_ones) {
    const MetricsFile file;
    SharedMetrics parent(file.path);  // idle, alive
    BOOST_TEST(parent.snapshot().workers_live == 1U);

    BusyChild child(file.path);
    BOOST_TEST(parent.snapshot().workers_live == 2U);
    child.die_busy();
    BOOST_TEST(parent.snapshot().workers_live == 1U);
}

BOOST_AUTO_TEST_CASE(a_dead_process_slot_is_reused) {
    const MetricsFile file;
    SharedMetrics parent(file.path);
    // More short-lived children than the table has worker slots (256), each dying busy.
    for (int i = 0; i < 300; ++i) {
        const pid_t child = run_child([&]() -> int {
            SharedMetrics own(file.path);
            own.set_busy(true);
            ::_exit(0);  // while `own` lives: the slot is not released
        });
        BOOST_REQUIRE(wait_exit_code(child) == 0);
    }
    BOOST_TEST(parent.snapshot().workers_busy == 0U);
    // A live worker still gets a slot and is counted.
    BusyChild child(file.path);
    BOOST_TEST(parent.snapshot().workers_busy == 1U);
    child.die_busy();
    BOOST_TEST(parent.snapshot().workers_busy == 0U);
}

BOOST_AUTO_TEST_CASE(render_prometheus_exact_lines) {
    const MetricsFile file;
    SharedMetrics parent(file.path);
    const pid_t child = run_child([&] {
        SharedMetrics own(file.path);
        for (int i = 0; i < 3; ++i) own.record_request(route, "GET", 200, 0.25);
        return 0;
    });
    parent.record_request(route, "GET", 200, 2.0);
    parent.record_request(route, "GET", 200, 2.0);
    parent.record_request("/api/health", "GET", 503, 6.0);  // slower than the last bucket
    parent.count_db_error();
    BOOST_REQUIRE(wait_exit_code(child) == 0);

    const std::string text = render_prometheus(parent.snapshot(), "1.2.3+abc");
    const std::string bucket = "ltc_http_request_duration_seconds_bucket{route=\"/api/vehicles/{id}\",le=";
    for (const std::string& line : {
             std::string("# TYPE ltc_http_requests_total counter"),
             std::string("ltc_http_requests_total{route=\"/api/vehicles/{id}\",method=\"GET\",status=\"200\"} 5"),
             std::string("ltc_http_requests_total{route=\"/api/health\",method=\"GET\",status=\"503\"} 1"),
             std::string("# TYPE ltc_http_request_duration_seconds histogram"),
             bucket + "\"0.001\"} 0",
             bucket + "\"0.0025\"} 0",
             bucket + "\"0.1\"} 0",
             bucket + "\"0.25\"} 3",
             bucket + "\"0.5\"} 3",
             bucket + "\"1\"} 3",
             bucket + "\"2.5\"} 5",
             bucket + "\"5\"} 5",
             bucket + "\"+Inf\"} 5",
             std::string("ltc_http_request_duration_seconds_sum{route=\"/api/vehicles/{id}\"} 4.750000"),
             std::string("ltc_http_request_duration_seconds_count{route=\"/api/vehicles/{id}\"} 5"),
             std::string("ltc_http_request_duration_seconds_bucket{route=\"/api/health\",le=\"5\"} 0"),
             std::string("ltc_http_request_duration_seconds_bucket{route=\"/api/health\",le=\"+Inf\"} 1"),
             std::string("ltc_http_request_duration_seconds_count{route=\"/api/health\"} 1"),
             std::string("ltc_db_errors_total 1"),
             std::string("ltc_db_reconnects_total 0"),
             std::string("# TYPE ltc_workers_busy gauge"),
             std::string("ltc_workers_busy 0"),
             std::string("# TYPE ltc_workers_live gauge"),
             std::string("ltc_workers_live 1"),
             std::string("ltc_build_info{version=\"1.2.3+abc\"} 1"),
         }) {
        BOOST_TEST_CONTEXT(line) { BOOST_TEST(has_line(text, line)); }
    }
    BOOST_TEST(text.back() == '\n');
}

BOOST_AUTO_TEST_CASE(render_prometheus_escapes_label_values) {
    Snapshot snapshot;
    snapshot.requests.push_back({"/a\"b\\c\nd", "GET", 200, 1});
    const std::string text = render_prometheus(snapshot, "v\"1");
    BOOST_TEST(has_line(text, "ltc_http_requests_total{route=\"/a\\\"b\\\\c\\nd\",method=\"GET\",status=\"200\"} 1"));
    BOOST_TEST(has_line(text, "ltc_build_info{version=\"v\\\"1\"} 1"));
}

BOOST_AUTO_TEST_SUITE_END()
