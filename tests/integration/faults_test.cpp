// Faults under load (issue 15; issue 9 defect 6): PostgreSQL frozen or restarted while every
// route class is being used, and workers killed in the middle of writes. These disturb the
// whole stack, so they carry the label `faults` and run in their own phase of scripts/test.sh.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <iterator>
#include <limits>
#include <memory>
#include <set>

#include <signal.h>

#include "admin_helpers.hpp"
#include "load.hpp"

using namespace ltc::test;
using std::chrono::milliseconds;

namespace {

const std::string entry_body =
    R"({"date":"2024-01-01","category":"wartung","performed_by":"fachwerkstatt","odometer_km":100})";
const std::vector<std::string> route_classes = {"health", "read", "write", "public"};
constexpr double forever = std::numeric_limits<double>::max();

// Owners with one vehicle each; the first vehicle's public link is on.
struct Fleet {
    std::vector<std::unique_ptr<Member>> owners;
    std::vector<std::string> vehicles;
    std::string public_token;

    explicit Fleet(int size) {
        for (int i = 0; i < size; ++i) {
            owners.push_back(std::make_unique<Member>("faults"));
            vehicles.push_back(create_vehicle(*owners.back(), new_vin()));
        }
        const Reply link = owners.front()->send("PUT", "/api/vehicles/" + vehicles.front() + "/public-link");
        BOOST_REQUIRE_MESSAGE(link.status == 200, link.body);
        const std::string url = link.json()->getValue<std::string>("url");
        public_token = url.substr(url.rfind('/') + 1);
    }

    Load::Probe write_to(std::size_t index) const {
        const auto headers = owners[index]->session.bearer();
        const std::string path = "/api/vehicles/" + vehicles[index] + "/entries";
        return [headers, path](StackClient& client) {
            return client.request("POST", path, entry_body, "application/json", headers);
        };
    }

    // The four route classes of API.md side by side: health, a signed-in read, a write, the
    // public page (its own address: nginx limits public reads per address to 60 a minute).
    void add_route_classes(Load& load) const {
        load.add("health", [](StackClient& client) { return client.get("/api/health"); }, milliseconds(50));
        for (std::size_t i = 0; i < owners.size(); ++i) {
            const auto headers = owners[i]->session.bearer();
            const std::string entries = "/api/vehicles/" + vehicles[i] + "/entries";
            load.add("read", [headers, entries](StackClient& client) { return client.get(entries, headers); },
                     milliseconds(20));
            load.add("write", write_to(i), milliseconds(50));
        }
        const std::string page = "/api/public/qr/" + public_token;
        load.add("public", [page](StackClient& client) { return client.get(page); }, milliseconds(600),
                 fresh_source_ip());
    }
};

std::vector<int> sorted(std::vector<int> values) {
    std::sort(values.begin(), values.end());
    return values;
}

// Every sample of every route class started in [from, to) answered `ok` (and there was one).
void expect_all(const std::vector<Sample>& samples, double from, double to, const std::function<bool(const Sample&)>& ok,
                const std::string& what) {
    for (const auto& probe : route_classes) {
        const auto window = started_between(samples, from, to, probe);
        BOOST_TEST_CONTEXT(what << ", " << probe) {
            BOOST_TEST(!window.empty());
            for (const auto& sample : window) BOOST_TEST(ok(sample), describe({sample}));
        }
    }
}

bool success(const Sample& sample) { return sample.status >= 200 && sample.status < 300; }
// 503 with the envelope; /api/health answers its own document (checks.database "unavailable").
bool unavailable(const Sample& sample) {
    return sample.status == 503 && (sample.probe == "health" || sample.error_code == "unavailable");
}

// Every sample answered before `fault_at` succeeded (and there was one of each route class). One
// still in flight when the fault began may meet it — a 503 then is right — and is not judged.
void expect_success_before(const std::vector<Sample>& samples, double fault_at, const std::string& what) {
    std::vector<Sample> answered;
    std::copy_if(samples.begin(), samples.end(), std::back_inserter(answered),
                 [fault_at](const Sample& sample) { return sample.ended() < fault_at; });
    expect_all(answered, 0, fault_at, success, what);
}

// Runs `fault` and always `repair` afterwards, also when the fault's checks throw.
template <typename Fault, typename Repair>
void with_repair(Fault fault, Repair repair) {
    try {
        fault();
    } catch (...) {
        repair();
        throw;
    }
    repair();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(faults, *boost::unit_test::label("faults") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(frozen_database_answers_503_within_two_seconds_on_every_route_class) {
    // Issue 9 defect 6: before, workers blocked on a frozen server until the 30 s watchdog.
    Fleet fleet(2);
    Load load;
    fleet.add_route_classes(load);
    pause_seconds(1.5);
    const double freezing_at = load.now();
    double frozen_at = 0;
    double thawed_at = 0;
    with_repair([&] {
        stack_action("pg-freeze");
        frozen_at = load.now();
        pause_seconds(6);
    }, [&] {
        thawed_at = load.now();
        stack_action("pg-thaw");
    });
    pause_seconds(4);
    const auto samples = load.stop();
    BOOST_REQUIRE(!samples.empty());
    const auto slowest = std::max_element(samples.begin(), samples.end(),
                                          [](const Sample& a, const Sample& b) { return a.seconds < b.seconds; });
    BOOST_TEST_MESSAGE(samples.size() << " requests, frozen " << frozen_at << "–" << thawed_at << " s, "
                                      << started_between(samples, frozen_at, thawed_at).size()
                                      << " started while frozen, slowest answer " << slowest->seconds << " s");

    expect_success_before(samples, freezing_at, "before the freeze");
    // Started while frozen and, at 2 s at most, answered before the thaw: 503.
    expect_all(samples, frozen_at, thawed_at - 2.0, unavailable, "frozen");
    expect_all(samples, thawed_at + 2.0, forever, success, "after the thaw");
    for (const auto& sample : samples) BOOST_TEST(sample.seconds < 2.0, describe({sample}));
}

BOOST_AUTO_TEST_CASE(database_restart_under_load_is_503_while_down_and_recovers_without_new_workers) {
    Fleet fleet(2);
    const auto workers_before = sorted(worker_pids());
    Load load;
    fleet.add_route_classes(load);
    pause_seconds(1.5);
    const double stopping_at = load.now();
    double down_at = 0;
    double starting_at = 0;
    double up_at = 0;
    with_repair([&] {
        stack_action("pg-stop");
        down_at = load.now();
        pause_seconds(3);
    }, [&] {
        starting_at = load.now();
        stack_action("pg-start");
        up_at = load.now();
    });
    pause_seconds(4);
    const auto samples = load.stop();
    BOOST_TEST_MESSAGE(samples.size() << " requests, down " << down_at << "–" << up_at << " s, "
                                      << started_between(samples, down_at, starting_at).size() << " answered while down, "
                                      << started_between(samples, up_at, forever).size() << " after");

    expect_success_before(samples, stopping_at, "before the restart");
    expect_all(samples, down_at, starting_at, unavailable, "stopped");
    expect_all(samples, up_at, forever, success, "after the restart");
    for (const auto& sample : samples) BOOST_TEST(sample.status != 0, describe({sample}));
    BOOST_TEST(sorted(worker_pids()) == workers_before, "the pool was not restarted");
}

BOOST_AUTO_TEST_CASE(killed_workers_lose_no_acknowledged_write_and_leave_no_partial_rows) {
    Fleet fleet(4);
    const std::size_t pool_size = worker_pids().size();
    Load load;
    for (std::size_t i = 0; i < fleet.vehicles.size(); ++i) {
        for (int writer = 0; writer < 2; ++writer) load.add("write", fleet.write_to(i));
    }
    pause_seconds(1);
    // multiwatch gives a slot up after 3 quick deaths: 6 kills over a pool of 4.
    int kills = 0;
    for (int round = 0; round < 6; ++round) {
        const auto pids = worker_pids();
        if (!pids.empty() && ::kill(pids[static_cast<std::size_t>(round) % pids.size()], SIGKILL) == 0) ++kills;
        pause_seconds(0.6);
    }
    BOOST_TEST(eventually([&] { return worker_pids().size() == pool_size; }));
    pause_seconds(1);
    const auto samples = load.stop();

    std::set<std::string> acknowledged;
    std::size_t refused = 0;
    for (const auto& sample : samples) {
        if (sample.status == 201) {
            acknowledged.insert(sample.id);
        } else {
            ++refused;
            // A request in flight when its worker died: nginx's 503 envelope, nothing else.
            BOOST_TEST(unavailable(sample), describe({sample}));
        }
    }
    BOOST_TEST_MESSAGE(kills << " workers killed, " << acknowledged.size() << " writes acknowledged, " << refused
                             << " refused");
    BOOST_TEST(kills == 6);
    BOOST_TEST(acknowledged.size() > 20u);

    std::string vehicle_list;
    for (const auto& vehicle : fleet.vehicles) vehicle_list += (vehicle_list.empty() ? "'" : ",'") + vehicle + "'";
    std::set<std::string> stored;
    for (const auto& row : query_as_owner("SELECT entry_id FROM entry_versions WHERE vehicle_id IN (" + vehicle_list + ")")) {
        stored.insert(row[0]);
    }
    for (const auto& id : acknowledged) BOOST_TEST(stored.count(id) == 1u, "acknowledged entry " << id << " is missing");
    // No partial rows: every stored entry has its audit row (same transaction), and the trust
    // summary was written with it.
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'ENTRY_CREATED' AND meta->>'vehicle_id' IN (" +
                          vehicle_list + ")") == static_cast<long long>(stored.size()));
    BOOST_TEST(count_rows("SELECT count(*) FROM vehicle_trust WHERE vehicle_id IN (" + vehicle_list + ")") ==
               static_cast<long long>(fleet.vehicles.size()));
}

BOOST_AUTO_TEST_SUITE_END()
