// nginx at the edge: the body limit of JSON routes, the per-address limit and nginx's own
// answers as envelopes.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include "sign_in_helpers.hpp"
#include "stack_client.hpp"

using namespace ltc::test;

namespace {
void expect_envelope(const Reply& reply, int status, const std::string& code) {
    BOOST_TEST(reply.status == status);
    BOOST_TEST(reply.error_code() == code);
    const std::string request_id = reply.header("X-Request-Id");
    BOOST_TEST(!request_id.empty());
    BOOST_TEST(reply.body.find("\"request_id\":\"" + request_id + "\"") != std::string::npos);
    BOOST_TEST(reply.header("Cache-Control") == "no-store");
    BOOST_TEST(reply.header("Content-Type").starts_with("application/json"));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(edge)

BOOST_AUTO_TEST_CASE(json_routes_take_at_most_64_kib_at_the_edge) {
    // Before: nginx let 10 MiB through to the worker on every /api/ route (here: 405 or 401).
    StackClient client;
    expect_envelope(client.post("/api/health", std::string(64 * 1024 + 1, 'x')), 413, "payload_too_large");
    expect_envelope(client.post("/api/vehicles", std::string(100 * 1024, 'x')), 413, "payload_too_large");
    expect_envelope(client.post("/api/public/qr/abc", std::string(65 * 1024, 'x')), 413, "payload_too_large");
    // Up to 64 KiB reaches the worker.
    BOOST_TEST(client.post("/api/health", std::string(64 * 1024, 'x')).status == 405);
}

BOOST_AUTO_TEST_CASE(uri_too_long_is_an_envelope) {
    StackClient client;
    expect_envelope(client.get("/api/health?x=" + std::string(10 * 1024, 'a')), 414, "uri_too_long");
}

BOOST_AUTO_TEST_CASE(header_too_large_is_an_envelope) {
    StackClient client;
    expect_envelope(client.get("/api/health", {{"X-Big", std::string(10 * 1024, 'a')}}), 400, "header_too_large");
    expect_envelope(client.get("/", {{"X-Big", std::string(10 * 1024, 'a')}}), 400, "header_too_large");
}

BOOST_AUTO_TEST_CASE(bad_request_is_an_envelope) {
    StackClient client;
    expect_envelope(client.get("/api/health", {{"Host", "bad/host"}}), 400, "bad_request");
}

BOOST_AUTO_TEST_CASE(the_edge_limit_counts_each_client_address_on_its_own) {
    // Before: the limit's key came from a geo block, whose values are literal strings, so
    // every client shared one 30 r/s bucket and one busy client shut out all others.
    StackClient busy(fresh_source_ip());
    int limited = 0;
    for (int i = 0; i < 120 && limited == 0; ++i) limited += busy.get("/api/health/live").status == 429 ? 1 : 0;
    BOOST_REQUIRE(limited > 0);
    StackClient other(fresh_source_ip());
    BOOST_TEST(other.get("/api/health/live").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
