#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

#include "http/request.hpp"

using ltc::http::header_name_from_cgi;
using ltc::http::parse_cookies;
using ltc::http::parse_query;
using ltc::http::percent_decode;
using ltc::http::split_request_uri;
using ltc::http::StringMap;

BOOST_AUTO_TEST_SUITE(request)

BOOST_AUTO_TEST_CASE(parse_query_decodes_percent_and_plus) {
    const StringMap query = parse_query("a=1&b=x%20y&c=x+y&d=%C3%A4&e=%2B&f");
    BOOST_TEST(query.size() == 6U);
    BOOST_TEST(query.at("a") == "1");
    BOOST_TEST(query.at("b") == "x y");
    BOOST_TEST(query.at("c") == "x y");
    BOOST_TEST(query.at("d") == "\xC3\xA4");
    BOOST_TEST(query.at("e") == "+");
    BOOST_TEST(query.at("f") == "");
}

BOOST_AUTO_TEST_CASE(parse_query_decodes_names_too) {
    const StringMap query = parse_query("my%20name=v&x+y=1");
    BOOST_TEST(query.at("my name") == "v");
    BOOST_TEST(query.at("x y") == "1");
}

BOOST_AUTO_TEST_CASE(parse_query_drops_malformed_pairs) {
    const StringMap query = parse_query("bad=%zz&ok=1&short=%4&n%zz=2&=empty&&tail=%");
    BOOST_TEST(query.size() == 1U);
    BOOST_TEST(query.at("ok") == "1");
}

BOOST_AUTO_TEST_CASE(parse_query_first_occurrence_wins) {
    const StringMap query = parse_query("limit=10&limit=100&cursor=a&cursor=b");
    BOOST_TEST(query.at("limit") == "10");
    BOOST_TEST(query.at("cursor") == "a");
    // A malformed first occurrence is dropped, so the next well-formed one counts.
    BOOST_TEST(parse_query("x=%zz&x=2").at("x") == "2");
}

BOOST_AUTO_TEST_CASE(parse_query_empty) {
    BOOST_TEST(parse_query("").empty());
    BOOST_TEST(parse_query("&&&").empty());
}

BOOST_AUTO_TEST_CASE(parse_cookies_trims_spaces_and_unquotes) {
    const StringMap cookies = parse_cookies("a=1;b=2 ;  c = 3 ; d=\"quoted value\"; __Host-ltc_session=tok.en-1_2");
    BOOST_TEST(cookies.size() == 5U);
    BOOST_TEST(cookies.at("a") == "1");
    BOOST_TEST(cookies.at("b") == "2");
    BOOST_TEST(cookies.at("c") == "3");
    BOOST_TEST(cookies.at("d") == "quoted value");
    BOOST_TEST(cookies.at("__Host-ltc_session") == "tok.en-1_2");
}

BOOST_AUTO_TEST_CASE(parse_cookies_first_occurrence_wins_and_skips_junk) {
    const StringMap cookies = parse_cookies("__Host-ltc_session=first; __Host-ltc_session=second; junk; =noname; e=");
    BOOST_TEST(cookies.size() == 2U);
    BOOST_TEST(cookies.at("__Host-ltc_session") == "first");
    BOOST_TEST(cookies.at("e") == "");
    // A lone quote is not a quoted value.
    BOOST_TEST(parse_cookies("q=\"").at("q") == "\"");
    // Values are not percent-decoded.
    BOOST_TEST(parse_cookies("p=a%20b").at("p") == "a%20b");
    BOOST_TEST(parse_cookies("").empty());
}

BOOST_AUTO_TEST_CASE(request_accessors) {
    ltc::http::Request request;
    request.headers["content-type"] = "application/json";
    request.cookies = parse_cookies("__Host-ltc_session=abc");
    request.query = parse_query("limit=5");
    request.params["id"] = "v1";
    BOOST_TEST(request.header("content-type") == "application/json");
    BOOST_TEST(request.header("x-missing") == "");
    BOOST_TEST(request.cookie("__Host-ltc_session").value() == "abc");
    BOOST_TEST(!request.cookie("ltc_session").has_value());
    BOOST_TEST(request.query_param("limit").value() == "5");
    BOOST_TEST(!request.query_param("cursor").has_value());
    BOOST_TEST(request.param("id") == "v1");
    BOOST_TEST(request.param("other") == "");
    BOOST_TEST(request.role == "anonymous");
}

BOOST_AUTO_TEST_CASE(header_name_from_cgi_maps_http_variables) {
    BOOST_TEST(header_name_from_cgi("HTTP_X_CSRF_TOKEN") == "x-csrf-token");
    BOOST_TEST(header_name_from_cgi("HTTP_AUTHORIZATION") == "authorization");
    BOOST_TEST(header_name_from_cgi("HTTP_COOKIE") == "cookie");
    BOOST_TEST(header_name_from_cgi("CONTENT_TYPE") == "content-type");
    BOOST_TEST(header_name_from_cgi("CONTENT_LENGTH") == "content-length");
    BOOST_TEST(header_name_from_cgi("REQUEST_METHOD") == "");
    BOOST_TEST(header_name_from_cgi("REMOTE_ADDR") == "");
    BOOST_TEST(header_name_from_cgi("HTTPS") == "");
    BOOST_TEST(header_name_from_cgi("") == "");
}

BOOST_AUTO_TEST_CASE(split_request_uri_separates_path_and_query) {
    BOOST_TEST(split_request_uri("/a/b?x=1").first == "/a/b");
    BOOST_TEST(split_request_uri("/a/b?x=1").second == "x=1");
    BOOST_TEST(split_request_uri("/a/b").first == "/a/b");
    BOOST_TEST(split_request_uri("/a/b").second == "");
    BOOST_TEST(split_request_uri("/a?").first == "/a");
    BOOST_TEST(split_request_uri("/a?").second == "");
    // Only the first '?' separates.
    BOOST_TEST(split_request_uri("/a?b?c").first == "/a");
    BOOST_TEST(split_request_uri("/a?b?c").second == "b?c");
    BOOST_TEST(split_request_uri("").first == "");
}

BOOST_AUTO_TEST_CASE(percent_decode_edge_cases) {
    BOOST_TEST(!percent_decode("%", false).has_value());
    BOOST_TEST(!percent_decode("%4", false).has_value());
    BOOST_TEST(!percent_decode("a%", false).has_value());
    BOOST_TEST(!percent_decode("%zz", false).has_value());
    BOOST_TEST(!percent_decode("%4g", false).has_value());
    BOOST_TEST(percent_decode("%41", false).value() == "A");
    BOOST_TEST(percent_decode("a%41b", false).value() == "aAb");
    BOOST_TEST(percent_decode("%4a%4A", false).value() == "JJ");
    BOOST_TEST(percent_decode("%00", false).value() == std::string(1, '\0'));
    BOOST_TEST(percent_decode("", false).value() == "");
    BOOST_TEST(percent_decode("a+b", false).value() == "a+b");
    BOOST_TEST(percent_decode("a+b", true).value() == "a b");
    BOOST_TEST(percent_decode("%2B", true).value() == "+");
    BOOST_TEST(percent_decode("100%25", true).value() == "100%");
}

BOOST_AUTO_TEST_SUITE_END()
