#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include "http/api_error.hpp"
#include "http/collection.hpp"

using ltc::http::ApiError;
using ltc::http::FieldErrors;
using ltc::http::Page;
using ltc::http::read_page;
using ltc::http::Request;

namespace {
Request with_query(const std::string& query) {
    Request request;
    request.query_string = query;
    request.query = ltc::http::parse_query(query);
    return request;
}

FieldErrors codes_of(const std::string& query) {
    try {
        read_page(with_query(query));
    } catch (const ApiError& error) {
        BOOST_TEST(error.status() == 400);
        BOOST_TEST(error.code() == "validation_failed");
        return error.fields();
    }
    return {};
}

Poco::JSON::Array::Ptr numbers(int count) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (int i = 0; i < count; ++i) items->add(i);
    return items;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(collection)

BOOST_AUTO_TEST_CASE(defaults_to_50_from_the_start) {
    const Page page = read_page(with_query(""));
    BOOST_TEST(page.limit == 50);
    BOOST_TEST(page.offset == 0);
}

BOOST_AUTO_TEST_CASE(limit_within_1_to_100_is_taken) {
    BOOST_TEST(read_page(with_query("limit=1")).limit == 1);
    BOOST_TEST(read_page(with_query("limit=100")).limit == 100);
    BOOST_TEST(read_page(with_query("limit=007")).limit == 7);
}

BOOST_AUTO_TEST_CASE(limit_outside_1_to_100_is_out_of_range) {
    for (const char* query : {"limit=0", "limit=101", "limit=000", "limit=999999999999"}) {
        BOOST_TEST_CONTEXT(query) { BOOST_TEST((codes_of(query) == FieldErrors{{"limit", "out_of_range"}})); }
    }
}

BOOST_AUTO_TEST_CASE(limit_not_an_integer_is_invalid) {
    for (const char* query : {"limit=", "limit", "limit=-1", "limit=1.5", "limit=abc", "limit=+5", "limit=%205",
                              "limit=1e2", "limit=99999999999999999999", "limit=%FF"}) {
        BOOST_TEST_CONTEXT(query) { BOOST_TEST((codes_of(query) == FieldErrors{{"limit", "invalid"}})); }
    }
}

BOOST_AUTO_TEST_CASE(cursor_round_trips_and_garbage_is_invalid) {
    const Page page = read_page(with_query("limit=10&cursor=" + ltc::http::encode_cursor(30)));
    BOOST_TEST(page.limit == 10);
    BOOST_TEST(page.offset == 30);
    for (const char* query : {"cursor=", "cursor=xyz", "cursor=%FF", "cursor=bzotMQ"}) {  // "o:-1"
        BOOST_TEST_CONTEXT(query) { BOOST_TEST((codes_of(query) == FieldErrors{{"cursor", "invalid"}})); }
    }
    BOOST_TEST((codes_of("limit=0&cursor=xyz") == FieldErrors{{"cursor", "invalid"}, {"limit", "out_of_range"}}));
}

BOOST_AUTO_TEST_CASE(page_json_cuts_the_extra_row_into_a_cursor) {
    Page page;
    page.limit = 2;
    page.offset = 4;
    const auto more = ltc::http::page_json(numbers(3), page);
    BOOST_TEST(more->getArray("items")->size() == 2U);
    BOOST_TEST(more->getValue<std::string>("next_cursor") == ltc::http::encode_cursor(6));
    const auto last = ltc::http::page_json(numbers(2), page);
    BOOST_TEST(last->getArray("items")->size() == 2U);
    BOOST_TEST(last->isNull("next_cursor"));
}

BOOST_AUTO_TEST_SUITE_END()
