#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <regex>
#include <string>

#include <Poco/JSON/Parser.h>

#include "server/access_log.hpp"

using ltc::server::format_log_line;
using ltc::server::LogRecord;

namespace {
LogRecord sample() {
    LogRecord record;
    record.request_id = "0123abcd";
    record.method = "GET";
    record.route = "/api/vehicles/{id}";
    record.status = 200;
    record.duration_ms = 12.3456;
    record.role = "user";
    return record;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(access_log)

BOOST_AUTO_TEST_CASE(format_log_line_is_exact_json_with_trailing_newline) {
    const std::string line = format_log_line(sample(), "2024-05-01T10:00:00.123Z");
    BOOST_TEST(line ==
               "{\"ts\":\"2024-05-01T10:00:00.123Z\",\"level\":\"info\",\"request_id\":\"0123abcd\",\"method\":\"GET\","
               "\"route\":\"/api/vehicles/{id}\",\"status\":200,\"duration_ms\":12.345,\"role\":\"user\"}\n");
    BOOST_TEST(line.back() == '\n');
    BOOST_TEST(line.find('\n') == line.size() - 1);
}

BOOST_AUTO_TEST_CASE(format_log_line_has_the_required_fields) {
    LogRecord record = sample();
    record.level = "error";
    record.status = 503;
    record.duration_ms = 0.5;
    record.role = "anonymous";
    record.error_kind = "database";
    record.sqlstate = "57014";
    const std::string line = format_log_line(record, "2024-05-01T10:00:00.123Z");
    BOOST_TEST(line ==
               "{\"ts\":\"2024-05-01T10:00:00.123Z\",\"level\":\"error\",\"request_id\":\"0123abcd\",\"method\":\"GET\","
               "\"route\":\"/api/vehicles/{id}\",\"status\":503,\"duration_ms\":0.5,\"role\":\"anonymous\","
               "\"error\":\"database\",\"sqlstate\":\"57014\"}\n");

    Poco::JSON::Parser parser;
    const auto parsed = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
    for (const char* field : {"ts", "level", "request_id", "route", "status", "duration_ms", "role"}) {
        BOOST_TEST_CONTEXT(field) { BOOST_TEST(parsed->has(field)); }
    }
    BOOST_TEST(parsed->getValue<int>("status") == 503);
    BOOST_TEST(parsed->getValue<double>("duration_ms") == 0.5);
}

BOOST_AUTO_TEST_CASE(values_are_json_escaped) {
    LogRecord record = sample();
    record.request_id = "a\"b\nc";
    const std::string line = format_log_line(record, "t");
    BOOST_TEST(line.find('\n') == line.size() - 1);  // still one line
    Poco::JSON::Parser parser;
    const auto parsed = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
    BOOST_TEST(parsed->getValue<std::string>("request_id") == "a\"b\nc");
}

BOOST_AUTO_TEST_CASE(utc_timestamp_has_milliseconds_and_z) {
    const std::string timestamp = ltc::server::utc_timestamp_now();
    BOOST_TEST(std::regex_match(timestamp, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)")));
}

BOOST_AUTO_TEST_SUITE_END()
