#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Parser.h>

#include "http/api_error.hpp"
#include "http/response.hpp"

using ltc::http::ApiError;
using ltc::http::error_response;
using ltc::http::Response;

using Headers = std::vector<std::pair<std::string, std::string>>;

BOOST_AUTO_TEST_SUITE(response)

BOOST_AUTO_TEST_CASE(validation_failed_envelope_is_exact_json_with_fields) {
    const Response response =
        error_response(ltc::http::validation_failed({{"vin", "invalid"}, {"email", "required"}}), "r1");
    BOOST_TEST(response.status == 400);
    BOOST_TEST(response.content_type == "application/json; charset=utf-8");
    BOOST_TEST(response.headers.empty());
    // Fields sorted by name; "code" before "message" before "fields"; request_id last.
    BOOST_TEST(response.body ==
               "{\"error\":{\"code\":\"validation_failed\",\"message\":\"Die Eingaben sind nicht g\xC3\xBCltig.\","
               "\"fields\":{\"email\":\"required\",\"vin\":\"invalid\"}},\"request_id\":\"r1\"}");
}

BOOST_AUTO_TEST_CASE(envelope_without_fields_has_no_fields_member) {
    const Response response = error_response(ApiError(404, "not_found"), "req-7");
    BOOST_TEST(response.status == 404);
    BOOST_TEST(response.body ==
               "{\"error\":{\"code\":\"not_found\",\"message\":\"Nicht gefunden.\"},\"request_id\":\"req-7\"}");
}

BOOST_AUTO_TEST_CASE(explicit_message_replaces_the_default) {
    const Response response = error_response(ApiError(409, "vin_already_registered", "Die FIN ist schon erfasst."), "r2");
    BOOST_TEST(response.status == 409);
    BOOST_TEST(response.body == "{\"error\":{\"code\":\"vin_already_registered\",\"message\":\"Die FIN ist schon "
                                "erfasst.\"},\"request_id\":\"r2\"}");
}

BOOST_AUTO_TEST_CASE(unknown_code_gets_the_generic_message) {
    const ApiError error(409, "something_new");
    BOOST_TEST(error.message() == "Die Anfrage konnte nicht ausgef\xC3\xBChrt werden.");
    BOOST_TEST(error.what() == std::string("something_new"));
}

BOOST_AUTO_TEST_CASE(error_headers_are_carried_over) {
    const Response response =
        error_response(ApiError(429, "rate_limited").with_header("Retry-After", "30"), "r3");
    BOOST_TEST(response.status == 429);
    BOOST_TEST((response.headers == Headers{{"Retry-After", "30"}}));
    BOOST_TEST(response.body ==
               "{\"error\":{\"code\":\"rate_limited\",\"message\":\"Zu viele Anfragen. Bitte warte kurz.\"},"
               "\"request_id\":\"r3\"}");

    const Response method = error_response(ApiError(405, "method_not_allowed").with_header("Allow", "GET, POST"), "r4");
    BOOST_TEST((method.headers == Headers{{"Allow", "GET, POST"}}));
}

BOOST_AUTO_TEST_CASE(request_id_is_escaped_in_the_body) {
    const Response response = error_response(ApiError(500, "internal_error"), "a\"b\\c\n");
    Poco::JSON::Parser parser;
    const auto parsed = parser.parse(response.body).extract<Poco::JSON::Object::Ptr>();
    BOOST_TEST(parsed->getValue<std::string>("request_id") == "a\"b\\c\n");
    BOOST_TEST(parsed->getObject("error")->getValue<std::string>("code") == "internal_error");
}

BOOST_AUTO_TEST_CASE(json_response_and_no_content) {
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    object->set("status", "ok");
    object->set("n", 3);
    const Response ok = ltc::http::json_response(201, object);
    BOOST_TEST(ok.status == 201);
    BOOST_TEST(ok.body == "{\"status\":\"ok\",\"n\":3}");
    BOOST_TEST(ok.content_type == "application/json; charset=utf-8");

    const Response empty = ltc::http::no_content();
    BOOST_TEST(empty.status == 204);
    BOOST_TEST(empty.body.empty());
    BOOST_TEST(empty.content_type.empty());
}

BOOST_AUTO_TEST_CASE(with_header_appends_in_order) {
    Response response;
    response.with_header("A", "1").with_header("B", "2").with_header("A", "3");
    BOOST_TEST((response.headers == Headers{{"A", "1"}, {"B", "2"}, {"A", "3"}}));
}

BOOST_AUTO_TEST_CASE(status_text_reason_phrases) {
    BOOST_TEST(ltc::http::status_text(200) == "OK");
    BOOST_TEST(ltc::http::status_text(204) == "No Content");
    BOOST_TEST(ltc::http::status_text(400) == "Bad Request");
    BOOST_TEST(ltc::http::status_text(404) == "Not Found");
    BOOST_TEST(ltc::http::status_text(405) == "Method Not Allowed");
    BOOST_TEST(ltc::http::status_text(413) == "Payload Too Large");
    BOOST_TEST(ltc::http::status_text(415) == "Unsupported Media Type");
    BOOST_TEST(ltc::http::status_text(429) == "Too Many Requests");
    BOOST_TEST(ltc::http::status_text(500) == "Internal Server Error");
    BOOST_TEST(ltc::http::status_text(503) == "Service Unavailable");
    BOOST_TEST(ltc::http::status_text(299) == "Status");
}

BOOST_AUTO_TEST_SUITE_END()
