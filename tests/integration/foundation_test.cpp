// The foundation through nginx: health, envelopes, recovery from a stopped or hung database,
// a killed worker, metrics summed over the pool, nginx's own answers, headers and logs.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <regex>

#include <signal.h>

#include "stack_client.hpp"

using namespace ltc::test;

namespace {
void expect_envelope(const Reply& reply, int status, const std::string& code) {
    BOOST_TEST(reply.status == status);
    BOOST_TEST(reply.error_code() == code);
    const std::string request_id = reply.header("X-Request-Id");
    BOOST_TEST(!request_id.empty());
    BOOST_TEST(reply.json()->getValue<std::string>("request_id") == request_id);
    BOOST_TEST(reply.header("Cache-Control") == "no-store");
    BOOST_TEST(!reply.json()->getObject("error")->getValue<std::string>("message").empty());
}
}  // namespace

BOOST_AUTO_TEST_SUITE(foundation)

BOOST_AUTO_TEST_CASE(health_reports_database_ok_and_version) {
    StackClient client;
    const Reply reply = client.get("/api/health");
    BOOST_TEST(reply.status == 200);
    const auto body = reply.json();
    BOOST_TEST(body->getValue<std::string>("status") == "ok");
    BOOST_TEST(body->getObject("checks")->getValue<std::string>("database") == "ok");
    BOOST_TEST(std::regex_match(body->getValue<std::string>("version"), std::regex(R"(\d+\.\d+\.\d+\+[0-9a-f]+)")));
    BOOST_TEST(reply.header("Cache-Control") == "no-store");
    BOOST_TEST(!reply.header("X-Request-Id").empty());

    const Reply live = client.get("/api/health/live");
    BOOST_TEST(live.status == 200);
    BOOST_TEST(live.body == R"({"status":"ok"})");
}

BOOST_AUTO_TEST_CASE(unknown_path_and_wrong_method_answer_envelopes) {
    StackClient client;
    expect_envelope(client.get("/api/does-not-exist"), 404, "not_found");
    const Reply wrong_method = client.request("DELETE", "/api/health");
    expect_envelope(wrong_method, 405, "method_not_allowed");
    BOOST_TEST(wrong_method.header("Allow") == "GET");
}

BOOST_AUTO_TEST_CASE(oversized_body_is_refused_by_nginx_as_envelope) {
    StackClient client;
    const std::string eleven_mebibytes(11 * 1024 * 1024, 'x');
    expect_envelope(client.post("/api/health", eleven_mebibytes), 413, "payload_too_large");
}

BOOST_AUTO_TEST_CASE(security_headers_on_pages_and_api) {
    StackClient client;
    for (const std::string path : {"/", "/api/health/live"}) {
        const Reply reply = client.get(path);
        BOOST_TEST_CONTEXT(path) {
            BOOST_TEST(reply.status == 200);
            BOOST_TEST(reply.header("Strict-Transport-Security").find("max-age=") != std::string::npos);
            const std::string csp = reply.header("Content-Security-Policy");
            BOOST_TEST(csp.find("frame-ancestors 'none'") != std::string::npos);
            BOOST_TEST(csp.find("script-src 'self'") != std::string::npos);
            BOOST_TEST(csp.find("unsafe-inline") == std::string::npos);
            BOOST_TEST(reply.header("X-Content-Type-Options") == "nosniff");
            BOOST_TEST(!reply.header("Referrer-Policy").empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(plain_http_redirects_to_https) {
    httplib::Client plain("http://127.0.0.1:" + env_or("LTC_HTTP_PORT", "18080"));
    const auto result = plain.Get("/impressum?x=1");
    BOOST_REQUIRE(result);
    BOOST_TEST(result->status == 301);
    BOOST_TEST(result->get_header_value("Location") ==
               "https://127.0.0.1:" + env_or("LTC_HTTPS_PORT", "18443") + "/impressum?x=1");
}

BOOST_AUTO_TEST_CASE(metrics_count_the_requests_of_this_test_over_all_workers) {
    StackClient client;
    const std::string series = R"(ltc_http_requests_total{route="/api/health/live",method="GET",status="200"})";
    const double before = metric_value(client.get("/api/metrics").body, series);
    for (int i = 0; i < 12; ++i) BOOST_TEST(client.get("/api/health/live").status == 200);
    const std::string after = client.get("/api/metrics").body;
    BOOST_TEST(metric_value(after, series) == before + 12);
    BOOST_TEST(after.find(R"(ltc_http_request_duration_seconds_count{route="/api/health/live"})") != std::string::npos);
    BOOST_TEST(after.find("ltc_build_info{version=") != std::string::npos);
    BOOST_TEST(after.find("ltc_workers_busy ") != std::string::npos);
    // Every slot of the pool alive (a pool whose slots gave up would show fewer).
    BOOST_TEST(metric_value(after, "ltc_workers_live") == std::stod(env_or("LTC_WORKERS", "4")));
    // Route templates only: the raw path of an unknown request never becomes a label.
    client.get("/api/unknown-12345");
    BOOST_TEST(client.get("/api/metrics").body.find("unknown-12345") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(metrics_label_unknown_methods_as_other) {
    // Before: each method of 16+ characters claimed a new series until the table was full.
    StackClient client;
    const std::string other = R"(ltc_http_requests_total{route="/api/health",method="other",status="405"})";
    const double before = metric_value(client.get("/api/metrics").body, other);
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST(client.request("XLONGMETHODNAME" + std::string(1, static_cast<char>('A' + i)), "/api/health").status == 405);
    }
    const std::string after = client.get("/api/metrics").body;
    BOOST_TEST(metric_value(after, other) == before + 5);
    BOOST_TEST(after.find("XLONGMETHODNAME") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(health_is_503_while_postgres_is_stopped_and_recovers_without_restarting_workers) {
    StackClient client;
    const auto workers_before = worker_pids();
    BOOST_REQUIRE(!workers_before.empty());
    stack_action("pg-stop");
    for (int i = 0; i < 6; ++i) {  // several, so more than one worker of the pool answers
        const Reply reply = client.get("/api/health");
        BOOST_TEST(reply.status == 503);
        BOOST_TEST(reply.json()->getObject("checks")->getValue<std::string>("database") == "unavailable");
    }
    stack_action("pg-start");
    if (std::getenv("LTC_TEST_BEHIND_PGBOUNCER") != nullptr) {
        // Through PgBouncer (scripts/pgbouncer-check.sh) the workers keep their connections to
        // it, and it opens server connections again on its own schedule: a few 503s right after
        // the start, bounded (docs/scaling.md). Workers connected directly owe none.
        BOOST_TEST(eventually([&] {
            for (int i = 0; i < 8; ++i) {
                if (client.get("/api/health").status != 200) return false;
            }
            return true;
        }, std::chrono::milliseconds(3000)));
    } else {
        for (int i = 0; i < 8; ++i) BOOST_TEST(client.get("/api/health").status == 200);
    }
    auto workers_after = worker_pids();
    auto sorted_before = workers_before;
    std::sort(sorted_before.begin(), sorted_before.end());
    std::sort(workers_after.begin(), workers_after.end());
    BOOST_TEST(workers_after == sorted_before, "the pool was not restarted");
}

BOOST_AUTO_TEST_CASE(a_restart_while_the_workers_are_idle_costs_no_request) {
    // Before: the server's goodbye (FATAL, then EOF) sat unread on each idle connection, the
    // check before use read the message but not the end, and the first request of every worker
    // answered 503.
    StackClient client;
    for (int i = 0; i < 8; ++i) BOOST_TEST(client.get("/api/health").status == 200);
    stack_action("pg-stop");
    stack_action("pg-start");
    for (int i = 0; i < 8; ++i) BOOST_TEST(client.get("/api/health").status == 200);
}

BOOST_AUTO_TEST_CASE(health_is_503_when_postgres_hangs) {
    StackClient client;
    BOOST_TEST(client.get("/api/health").status == 200);
    stack_action("pg-freeze");
    try {
        for (int i = 0; i < 3; ++i) {
            const Reply reply = client.get("/api/health");
            BOOST_TEST(reply.status == 503);
        }
        BOOST_TEST(client.get("/api/health/live").status == 200);
    } catch (...) {
        stack_action("pg-thaw");
        throw;
    }
    stack_action("pg-thaw");
    // Every worker back (each answers 503 for a second after the server last failed to answer).
    BOOST_TEST(eventually([&] {
        for (int i = 0; i < 8; ++i) {
            if (client.get("/api/health").status != 200) return false;
        }
        return true;
    }));
}

BOOST_AUTO_TEST_CASE(a_killed_worker_is_replaced_and_service_continues) {
    StackClient client;
    const auto before = worker_pids();
    BOOST_REQUIRE(before.size() >= 2);
    BOOST_REQUIRE(::kill(before.front(), SIGKILL) == 0);
    BOOST_TEST(eventually([&] {
        const auto now = worker_pids();
        return now.size() == before.size() && std::find(now.begin(), now.end(), before.front()) == now.end();
    }));
    for (int i = 0; i < 10; ++i) BOOST_TEST(client.get("/api/health").status == 200);
}

BOOST_AUTO_TEST_CASE(nginx_answers_503_envelope_while_the_pool_is_down) {
    StackClient client;
    stack_action("workers-stop");
    Reply reply;
    try {
        reply = client.get("/api/health/live");
    } catch (...) {
        stack_action("restart-workers");
        throw;
    }
    stack_action("restart-workers");
    expect_envelope(reply, 503, "unavailable");
    BOOST_TEST(!reply.header("Retry-After").empty());
    BOOST_TEST(client.get("/api/health/live").status == 200);
}

BOOST_AUTO_TEST_CASE(public_rate_limit_answers_429_envelope_with_retry_after) {
    StackClient client;
    int limited = 0;
    for (int i = 0; i < 40; ++i) {
        const Reply reply = client.get("/api/public/qr/not-a-token-" + std::to_string(i));
        if (reply.status != 429) continue;
        ++limited;
        expect_envelope(reply, 429, "rate_limited");
        BOOST_TEST(!reply.header("Retry-After").empty());
    }
    BOOST_TEST(limited > 0);
}

BOOST_AUTO_TEST_CASE(logs_hold_no_query_strings) {
    StackClient client;
    client.get("/api/health/live?email=query.leak%40example.com");
    client.get("/impressum?email=query.leak%40example.com");
    const std::string logs = read_file(var_dir() + "/log/nginx-access.log") + read_file(var_dir() + "/log/fcgi.log");
    BOOST_TEST(logs.find("query.leak") == std::string::npos);
    BOOST_TEST(logs.find("/api/health/live") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
