#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <unistd.h>

#include "config/auth_settings.hpp"
#include "config/config.hpp"
#include "crypto/hkdf.hpp"
#include "db/database.hpp"
#include "db/query.hpp"
#include "http/api_error.hpp"
#include "http/router.hpp"
#include "metrics/shared_metrics.hpp"
#include "server/pipeline.hpp"
#include "server/services.hpp"

using ltc::http::ApiError;
using ltc::http::Request;
using ltc::http::Response;
using ltc::http::Router;
using ltc::server::handle_request;
using ltc::server::Outcome;

namespace {
// Services without a database server: the Database connects lazily, only when a handler asks.
struct Fixture {
    std::string metrics_path;
    ltc::config::WorkerConfig config;
    ltc::config::AuthSettings auth;
    ltc::crypto::KeyRing keys{std::string(32, 'k')};
    ltc::db::Database database{"host=/nonexistent port=1 dbname=x connect_timeout=2"};
    std::unique_ptr<ltc::metrics::SharedMetrics> metrics;
    std::unique_ptr<ltc::server::Services> services;
    Router router;

    Fixture() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ltc-pipeline-test-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        BOOST_REQUIRE(fd >= 0);
        ::close(fd);
        metrics_path = pattern;
        metrics = std::make_unique<ltc::metrics::SharedMetrics>(metrics_path);
        services = std::make_unique<ltc::server::Services>(ltc::server::Services{
            .config = config, .auth = auth, .keys = keys, .database = database, .metrics = *metrics});

        router.add("GET", "/api/ok/{id}", [](Request& request) {
            Response response;
            response.body = "{\"id\":\"" + request.param("id") + "\"}";
            return response;
        });
        router.add("POST", "/api/ok/{id}", [](Request&) { return ltc::http::no_content(); });
        router.add("GET", "/api/boom", [](Request&) -> Response { throw std::runtime_error("secret detail"); });
        router.add("GET", "/api/int", [](Request&) -> Response { throw 42; });
        router.add("GET", "/api/conflict", [](Request&) -> Response {
            throw ApiError(409, "vin_already_registered", "Die FIN ist schon erfasst.");
        });
        router.add("GET", "/api/limited", [](Request&) -> Response {
            throw ApiError(429, "rate_limited").with_header("Retry-After", "17");
        });
        router.add("GET", "/api/timeout", [](Request&) -> Response {
            throw ltc::db::QueryError("57014", "canceling statement due to statement timeout");
        });
        router.add("GET", "/api/db", [this](Request&) -> Response {
            services->database.session();
            return ltc::http::no_content();
        });
    }
    ~Fixture() {
        services.reset();
        metrics.reset();
        std::filesystem::remove(metrics_path);
    }

    Outcome run(const std::string& method, const std::string& path, const std::string& request_id = "rid-1") {
        Request request;
        request.method = method;
        request.path = path;
        request.request_id = request_id;
        return handle_request(router, request, *services);
    }
};

std::string header(const Response& response, const std::string& name) {
    std::string value;
    int seen = 0;
    for (const auto& [key, text] : response.headers) {
        if (key == name) {
            value = text;
            ++seen;
        }
    }
    BOOST_TEST(seen <= 1, "header " << name << " appears " << seen << " times");
    return value;
}

void check_common_headers(const Outcome& outcome, const std::string& request_id) {
    BOOST_TEST(header(outcome.response, "X-Request-Id") == request_id);
    BOOST_TEST(header(outcome.response, "Cache-Control") == "no-store");
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(pipeline, Fixture)

BOOST_AUTO_TEST_CASE(handler_answer_gets_request_id_and_no_store) {
    const Outcome outcome = run("GET", "/api/ok/v-9", "abc123");
    BOOST_TEST(outcome.response.status == 200);
    BOOST_TEST(outcome.response.body == "{\"id\":\"v-9\"}");
    BOOST_TEST(outcome.route_template == "/api/ok/{id}");
    BOOST_TEST(outcome.error_kind == "");
    check_common_headers(outcome, "abc123");
    BOOST_TEST(outcome.response.headers.size() == 2U);

    const Outcome empty = run("POST", "/api/ok/v-9", "def456");
    BOOST_TEST(empty.response.status == 204);
    check_common_headers(empty, "def456");
}

BOOST_AUTO_TEST_CASE(runtime_error_is_500_without_detail) {
    const Outcome outcome = run("GET", "/api/boom", "r-500");
    BOOST_TEST(outcome.response.status == 500);
    BOOST_TEST(outcome.response.body ==
               "{\"error\":{\"code\":\"internal_error\",\"message\":\"Ein interner Fehler ist aufgetreten.\"},"
               "\"request_id\":\"r-500\"}");
    BOOST_TEST(outcome.response.body.find("secret detail") == std::string::npos);
    BOOST_TEST(outcome.error_kind == "exception");
    BOOST_TEST(outcome.route_template == "/api/boom");
    check_common_headers(outcome, "r-500");
}

BOOST_AUTO_TEST_CASE(non_standard_exception_is_500_too) {
    const Outcome outcome = run("GET", "/api/int");
    BOOST_TEST(outcome.response.status == 500);
    BOOST_TEST(outcome.error_kind == "exception");
    check_common_headers(outcome, "rid-1");
}

BOOST_AUTO_TEST_CASE(api_error_passes_through) {
    const Outcome outcome = run("GET", "/api/conflict", "r-409");
    BOOST_TEST(outcome.response.status == 409);
    BOOST_TEST(outcome.response.body == "{\"error\":{\"code\":\"vin_already_registered\",\"message\":\"Die FIN ist "
                                        "schon erfasst.\"},\"request_id\":\"r-409\"}");
    BOOST_TEST(outcome.error_kind == "api");
    check_common_headers(outcome, "r-409");

    const Outcome limited = run("GET", "/api/limited", "r-429");
    BOOST_TEST(limited.response.status == 429);
    BOOST_TEST(header(limited.response, "Retry-After") == "17");
    check_common_headers(limited, "r-429");
}

BOOST_AUTO_TEST_CASE(unknown_path_is_404_envelope) {
    const Outcome outcome = run("GET", "/api/unknown/thing", "r-404");
    BOOST_TEST(outcome.response.status == 404);
    BOOST_TEST(outcome.response.body ==
               "{\"error\":{\"code\":\"not_found\",\"message\":\"Nicht gefunden.\"},\"request_id\":\"r-404\"}");
    BOOST_TEST(outcome.route_template == "unmatched");
    BOOST_TEST(outcome.error_kind == "api");
    check_common_headers(outcome, "r-404");
}

BOOST_AUTO_TEST_CASE(wrong_method_is_405_envelope_with_allow) {
    const Outcome outcome = run("DELETE", "/api/ok/v-1", "r-405");
    BOOST_TEST(outcome.response.status == 405);
    BOOST_TEST(outcome.response.body == "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"Diese Methode ist "
                                        "hier nicht erlaubt.\"},\"request_id\":\"r-405\"}");
    BOOST_TEST(header(outcome.response, "Allow") == "GET, POST");
    BOOST_TEST(outcome.route_template == "/api/ok/{id}");
    check_common_headers(outcome, "r-405");
}

BOOST_AUTO_TEST_CASE(database_unreachable_is_503_unavailable) {
    const Outcome outcome = run("GET", "/api/db", "r-503");
    BOOST_TEST(outcome.response.status == 503);
    BOOST_TEST(outcome.response.body == "{\"error\":{\"code\":\"unavailable\",\"message\":\"Der Dienst ist "
                                        "vor\xC3\xBC" "bergehend nicht verf\xC3\xBC" "gbar.\"},\"request_id\":\"r-503\"}");
    BOOST_TEST(outcome.error_kind == "database");
    BOOST_TEST(outcome.route_template == "/api/db");
    check_common_headers(outcome, "r-503");
    // A later request tries again and answers the same, the worker keeps going.
    BOOST_TEST(run("GET", "/api/db").response.status == 503);
}

BOOST_AUTO_TEST_CASE(a_failed_statement_names_its_sqlstate_for_the_log) {
    const Outcome outcome = run("GET", "/api/timeout", "r-sql");
    BOOST_TEST(outcome.response.status >= 500);
    BOOST_TEST(outcome.error_kind == "database");
    BOOST_TEST(outcome.sqlstate == "57014");
    BOOST_TEST(outcome.response.body.find("57014") == std::string::npos);  // the client learns nothing
    BOOST_TEST(run("GET", "/api/boom").sqlstate.empty());
}

BOOST_AUTO_TEST_SUITE_END()
