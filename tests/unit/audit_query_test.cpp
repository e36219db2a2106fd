#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include "admin/audit_query.hpp"
#include "http/api_error.hpp"

using ltc::admin::AuditCursor;
using ltc::admin::AuditQuery;
using ltc::admin::decode_audit_cursor;
using ltc::admin::encode_audit_cursor;
using ltc::admin::normalize_iso_time;
using ltc::admin::read_audit_query;
using ltc::http::ApiError;
using ltc::http::FieldErrors;
using ltc::http::Request;

namespace {
const std::string uuid = "0b6f3a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

Request with_query(const std::string& query) {
    Request request;
    request.query_string = query;
    request.query = ltc::http::parse_query(query);
    return request;
}

FieldErrors codes_of(const std::string& query) {
    try {
        read_audit_query(with_query(query));
    } catch (const ApiError& error) {
        BOOST_TEST(error.status() == 400);
        BOOST_TEST(error.code() == "validation_failed");
        return error.fields();
    }
    return {};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(audit_query)

BOOST_AUTO_TEST_CASE(filters_are_read) {
    const AuditQuery query = read_audit_query(with_query(
        "action=SESSION_CREATED&actor=" + std::string("0B6F3A52-1C2D-4E5F-8A9B-0C1D2E3F4A5B") + "&target=" + uuid +
        "&from=2026-01-01&to=2026-02-01T10:00Z&limit=10"));
    BOOST_TEST(query.action == "SESSION_CREATED");
    BOOST_TEST(query.actor == uuid);  // upper case pasted, lower case used
    BOOST_TEST(query.target == uuid);
    BOOST_TEST(query.from == "2026-01-01T00:00:00Z");
    BOOST_TEST(query.to == "2026-02-01T10:00Z");
    BOOST_TEST(query.limit == 10);
    BOOST_TEST(!query.after.has_value());
}

BOOST_AUTO_TEST_CASE(empty_filters_are_ignored) {
    const AuditQuery query = read_audit_query(with_query("action=&actor=&target=&from=&to="));
    BOOST_TEST(query.action.empty());
    BOOST_TEST(query.target.empty());
    BOOST_TEST(query.limit == 50);
}

BOOST_AUTO_TEST_CASE(bad_filters_are_named) {
    BOOST_TEST((codes_of("action=session&actor=nobody&from=2026-02-30&to=yesterday") ==
                FieldErrors{{"action", "invalid"}, {"actor", "invalid"}, {"from", "invalid"}, {"to", "invalid"}}));
    BOOST_TEST((codes_of("target=" + std::string(201, 'x')) == FieldErrors{{"target", "too_long"}}));
}

BOOST_AUTO_TEST_CASE(target_that_the_database_cannot_hold_is_invalid) {
    // Not UTF-8 or with a NUL, PostgreSQL refuses the text: a 400 here, not a database error.
    for (const char* query : {"target=%FF", "target=a%C3", "target=%00", "target=a%0Ab", "target=%ED%A0%80"}) {
        BOOST_TEST_CONTEXT(query) { BOOST_TEST((codes_of(query) == FieldErrors{{"target", "invalid"}})); }
    }
    BOOST_TEST(read_audit_query(with_query("target=M%C3%BCller")).target == "Müller");
}

BOOST_AUTO_TEST_CASE(limit_like_every_collection) {
    BOOST_TEST((codes_of("limit=0") == FieldErrors{{"limit", "out_of_range"}}));
    BOOST_TEST((codes_of("limit=101") == FieldErrors{{"limit", "out_of_range"}}));
    BOOST_TEST((codes_of("limit=ten") == FieldErrors{{"limit", "invalid"}}));
    BOOST_TEST(read_audit_query(with_query("limit=100")).limit == 100);
}

BOOST_AUTO_TEST_CASE(cursor_round_trips) {
    const AuditCursor cursor{"2026-03-04T05:06:07.123456Z", uuid};
    const auto query = read_audit_query(with_query("cursor=" + encode_audit_cursor(cursor)));
    BOOST_REQUIRE(query.after.has_value());
    BOOST_TEST(query.after->at == cursor.at);
    BOOST_TEST(query.after->id == cursor.id);
    BOOST_TEST(!decode_audit_cursor(encode_audit_cursor(AuditCursor{"2026-03-04T05:06:07Z", uuid})).has_value());
    BOOST_TEST(!decode_audit_cursor(encode_audit_cursor(AuditCursor{cursor.at, "' OR 1=1"})).has_value());
    BOOST_TEST((codes_of("cursor=%FF") == FieldErrors{{"cursor", "invalid"}}));
    BOOST_TEST((codes_of("cursor=") == FieldErrors{{"cursor", "invalid"}}));
}

BOOST_AUTO_TEST_CASE(iso_times_are_checked_against_the_calendar_and_clock) {
    BOOST_TEST(normalize_iso_time("2024-02-29").value() == "2024-02-29T00:00:00Z");
    BOOST_TEST(normalize_iso_time("2026-01-01T23:59:59.999999+01:00").value() == "2026-01-01T23:59:59.999999+01:00");
    for (const char* text : {"2025-02-29", "2026-13-01", "2026-00-10", "2026-01-01T24:00Z", "2026-01-01T10:60Z",
                             "2026-01-01T10:00:60Z", "2026-01-01T10:00", "2026-01-01T10:00+24:00", "26-01-01",
                             "2026-01-01T10:00:00.1234567Z", "0000-01-01"}) {
        BOOST_TEST_CONTEXT(text) { BOOST_TEST(!normalize_iso_time(text).has_value()); }
    }
}

BOOST_AUTO_TEST_SUITE_END()
