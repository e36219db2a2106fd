#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include "http/router.hpp"

using ltc::http::Request;
using ltc::http::Response;
using ltc::http::RouteMatch;
using ltc::http::Router;

namespace {
// A handler whose response body names the route, so a test can tell which one was chosen.
ltc::http::Handler answering(std::string name) {
    return [name](Request&) {
        Response response;
        response.body = name;
        return response;
    };
}

std::string call(const RouteMatch& match) {
    BOOST_REQUIRE(match.handler != nullptr);
    Request request;
    return (*match.handler)(request).body;
}

Router sample_router() {
    Router router;
    router.add("GET", "/api/vehicles", answering("list"));
    router.add("POST", "/api/vehicles", answering("create"));
    router.add("GET", "/api/vehicles/{id}", answering("show"));
    router.add("DELETE", "/api/vehicles/{id}", answering("delete"));
    router.add("GET", "/api/vehicles/{id}/entries/{entry_id}", answering("entry"));
    router.add("GET", "/api/health", answering("health"));
    return router;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(split_path_keeps_empty_segments) {
    BOOST_TEST(ltc::http::split_path("/api/vehicles") == (std::vector<std::string>{"api", "vehicles"}));
    BOOST_TEST(ltc::http::split_path("/api/vehicles/") == (std::vector<std::string>{"api", "vehicles", ""}));
    BOOST_TEST(ltc::http::split_path("/api//x") == (std::vector<std::string>{"api", "", "x"}));
    BOOST_TEST(ltc::http::split_path("/") == (std::vector<std::string>{""}));
}

BOOST_AUTO_TEST_CASE(literal_route_matches_with_its_template_and_no_params) {
    const Router router = sample_router();
    const RouteMatch match = router.match("GET", "/api/vehicles");
    BOOST_TEST(static_cast<int>(match.kind) == static_cast<int>(RouteMatch::Kind::found));
    BOOST_TEST(match.route_template == "/api/vehicles");
    BOOST_TEST(match.params.empty());
    BOOST_TEST(call(match) == "list");
    BOOST_TEST(call(router.match("POST", "/api/vehicles")) == "create");
}

BOOST_AUTO_TEST_CASE(parameter_route_extracts_params) {
    const Router router = sample_router();
    const RouteMatch match = router.match("GET", "/api/vehicles/7f3c-11");
    BOOST_TEST(static_cast<int>(match.kind) == static_cast<int>(RouteMatch::Kind::found));
    BOOST_TEST(match.route_template == "/api/vehicles/{id}");
    BOOST_TEST(match.params.size() == 1U);
    BOOST_TEST(match.params.at("id") == "7f3c-11");
    BOOST_TEST(call(match) == "show");

    const RouteMatch nested = router.match("GET", "/api/vehicles/v1/entries/e2");
    BOOST_TEST(nested.route_template == "/api/vehicles/{id}/entries/{entry_id}");
    BOOST_TEST(nested.params.size() == 2U);
    BOOST_TEST(nested.params.at("id") == "v1");
    BOOST_TEST(nested.params.at("entry_id") == "e2");
}

BOOST_AUTO_TEST_CASE(unknown_path_is_not_found_with_template_unmatched) {
    const Router router = sample_router();
    for (const char* path : {"/api/nothing", "/api", "/", "/api/vehicles/1/entries", "/api/health/x"}) {
        const RouteMatch match = router.match("GET", path);
        BOOST_TEST_CONTEXT(path) {
            BOOST_TEST(static_cast<int>(match.kind) == static_cast<int>(RouteMatch::Kind::not_found));
            BOOST_TEST(match.route_template == "unmatched");
            BOOST_TEST(match.handler == nullptr);
            BOOST_TEST(match.allow.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(wrong_method_is_405_with_sorted_allow) {
    Router router;
    // Registered out of order on purpose: Allow is sorted.
    router.add("POST", "/api/vehicles", answering("create"));
    router.add("GET", "/api/vehicles", answering("list"));
    const RouteMatch match = router.match("DELETE", "/api/vehicles");
    BOOST_TEST(static_cast<int>(match.kind) == static_cast<int>(RouteMatch::Kind::method_not_allowed));
    BOOST_TEST(match.allow == "GET, POST");
    BOOST_TEST(match.route_template == "/api/vehicles");
    BOOST_TEST(match.handler == nullptr);

    const RouteMatch single = sample_router().match("PUT", "/api/health");
    BOOST_TEST(static_cast<int>(single.kind) == static_cast<int>(RouteMatch::Kind::method_not_allowed));
    BOOST_TEST(single.allow == "GET");

    const RouteMatch with_param = sample_router().match("PATCH", "/api/vehicles/abc");
    BOOST_TEST(with_param.allow == "DELETE, GET");
    BOOST_TEST(with_param.route_template == "/api/vehicles/{id}");
}

BOOST_AUTO_TEST_CASE(most_specific_template_wins_regardless_of_order) {
    for (const bool literal_first : {true, false}) {
        Router router;
        if (literal_first) router.add("POST", "/api/transfers/redeem", answering("redeem"));
        router.add("POST", "/api/transfers/{id}", answering("by_id"));
        if (!literal_first) router.add("POST", "/api/transfers/redeem", answering("redeem"));
        BOOST_TEST_CONTEXT("literal registered first: " << literal_first) {
            const RouteMatch redeem = router.match("POST", "/api/transfers/redeem");
            BOOST_TEST(redeem.route_template == "/api/transfers/redeem");
            BOOST_TEST(redeem.params.empty());
            BOOST_TEST(call(redeem) == "redeem");

            const RouteMatch other = router.match("POST", "/api/transfers/t-42");
            BOOST_TEST(other.route_template == "/api/transfers/{id}");
            BOOST_TEST(other.params.at("id") == "t-42");
            BOOST_TEST(call(other) == "by_id");
        }
    }
}

BOOST_AUTO_TEST_CASE(trailing_slash_and_empty_segments_do_not_match_parameters) {
    const Router router = sample_router();
    for (const char* path : {"/api/vehicles/", "/api/vehicles//entries/e1", "/api/vehicles/v1/entries/",
                             "/api/vehicles/v1/", "//api/vehicles", "/api//vehicles"}) {
        const RouteMatch match = router.match("GET", path);
        BOOST_TEST_CONTEXT(path) {
            BOOST_TEST(static_cast<int>(match.kind) == static_cast<int>(RouteMatch::Kind::not_found));
            BOOST_TEST(match.route_template == "unmatched");
        }
    }
}

BOOST_AUTO_TEST_CASE(template_must_start_with_slash) {
    Router router;
    BOOST_CHECK_THROW(router.add("GET", "api/vehicles", answering("x")), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(only_routes_registered_as_streamed_stream_their_body) {
    Router router;
    router.add("POST", "/api/vehicles/{id}/documents", answering("upload"), ltc::http::BodyMode::streamed);
    router.add("GET", "/api/vehicles/{id}/documents", answering("list"));
    BOOST_TEST((router.match("POST", "/api/vehicles/x/documents").body_mode == ltc::http::BodyMode::streamed));
    BOOST_TEST((router.match("GET", "/api/vehicles/x/documents").body_mode == ltc::http::BodyMode::buffered));
    BOOST_TEST((router.match("PUT", "/api/vehicles/x/documents").body_mode == ltc::http::BodyMode::buffered));  // 405
    BOOST_TEST((router.match("POST", "/api/unknown").body_mode == ltc::http::BodyMode::buffered));
}

BOOST_AUTO_TEST_CASE(routes_are_listed_with_their_access_class_in_registration_order) {
    Router router;
    router.add("GET", "/api/vehicles/{id}", answering("show"), ltc::http::BodyMode::buffered, "product");
    router.add("GET", "/api/health", answering("health"));
    const auto routes = router.routes();
    BOOST_REQUIRE(routes.size() == 2u);
    BOOST_TEST(routes[0].method == "GET");
    BOOST_TEST(routes[0].route_template == "/api/vehicles/{id}");
    BOOST_TEST(routes[0].access == "product");
    BOOST_TEST(routes[1].access == "");
}

BOOST_AUTO_TEST_SUITE_END()
