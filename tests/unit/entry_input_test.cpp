#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include "entries/entry_input.hpp"
#include "http/api_error.hpp"
#include "http/json_body.hpp"

using ltc::entries::EntryBody;
using ltc::entries::normalize_cost;
using ltc::entries::read_entry_deletion;
using ltc::entries::read_entry_input;
using ltc::http::ApiError;
using ltc::http::FieldErrors;
using ltc::http::parse_json_object;

namespace {
const ltc::trust::CivilDate today{2026, 12, 4};

// A valid create body with `extra` members appended (later keys must not repeat earlier ones).
std::string body(const std::string& date = "2026-12-04", const std::string& odometer = "120000",
                 const std::string& extra = "") {
    return R"({"date":")" + date + R"(","category":"wartung","performed_by":"fachwerkstatt","odometer_km":)" +
           odometer + extra + "}";
}

FieldErrors codes_of(const std::string& text, EntryBody kind = EntryBody::create) {
    try {
        read_entry_input(parse_json_object(text), kind, today);
    } catch (const ApiError& error) {
        BOOST_TEST(error.code() == "validation_failed");
        return error.fields();
    }
    return {};
}

std::string cost_code(const std::string& text) {
    std::string code;
    BOOST_TEST(!normalize_cost(text, code).has_value());
    return code;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(entry_input)

BOOST_AUTO_TEST_CASE(valid_create_body_is_read) {
    const auto input = read_entry_input(
        parse_json_object(body("2026-12-04", "120000", R"(,"note":"Öl","cost":"129.9","paper_book":true)")),
        EntryBody::create, today);
    BOOST_TEST(input.fields.date == "2026-12-04");
    BOOST_TEST(input.fields.category == "wartung");
    BOOST_TEST(input.fields.performed_by == "fachwerkstatt");
    BOOST_TEST(input.fields.odometer_km == 120000);
    BOOST_TEST(input.fields.note.value() == "Öl");
    BOOST_TEST(input.fields.cost.value() == "129.90");
    BOOST_TEST(input.fields.paper_book);
    BOOST_TEST(!input.base_version.has_value());
}

BOOST_AUTO_TEST_CASE(missing_fields_are_required) {
    BOOST_TEST((codes_of("{}") == FieldErrors{{"date", "required"},
                                              {"category", "required"},
                                              {"performed_by", "required"},
                                              {"odometer_km", "required"}}));
}

BOOST_AUTO_TEST_CASE(odometer_range_and_type) {
    BOOST_TEST(codes_of(body("2026-12-04", "0")).empty());
    BOOST_TEST(codes_of(body("2026-12-04", "2000000")).empty());
    for (const char* value : {"-1", "2000001", "9223372036854775808", "1000000000000000000000000000000", "1e30"}) {
        BOOST_TEST_CONTEXT(value) {
            BOOST_TEST((codes_of(body("2026-12-04", value)) == FieldErrors{{"odometer_km", "out_of_range"}}));
        }
    }
    for (const char* value : {"5e4", "1.5", "\"100\"", "true"}) {
        BOOST_TEST_CONTEXT(value) {
            BOOST_TEST((codes_of(body("2026-12-04", value)) == FieldErrors{{"odometer_km", "invalid"}}));
        }
    }
}

BOOST_AUTO_TEST_CASE(date_bounds_and_format) {
    BOOST_TEST(codes_of(body("1886-01-01")).empty());
    BOOST_TEST((codes_of(body("1885-12-31")) == FieldErrors{{"date", "out_of_range"}}));
    BOOST_TEST((codes_of(body("2026-12-05")) == FieldErrors{{"date", "out_of_range"}}));
    BOOST_TEST((codes_of(body("2026-02-30")) == FieldErrors{{"date", "invalid"}}));
    BOOST_TEST((codes_of(body("4.12.2026")) == FieldErrors{{"date", "invalid"}}));
}

BOOST_AUTO_TEST_CASE(enums_note_and_unknown_fields) {
    BOOST_TEST((codes_of(R"({"date":"2026-01-01","category":"tuning","performed_by":"ich","odometer_km":1})") ==
                FieldErrors{{"category", "invalid"}, {"performed_by", "invalid"}}));
    BOOST_TEST((codes_of(body("2026-12-04", "1", R"(,"note":")" + std::string(4001, 'x') + "\"")) ==
                FieldErrors{{"note", "too_long"}}));
    BOOST_TEST((codes_of(body("2026-12-04", "1", R"(,"base_version":1)")) ==
                FieldErrors{{"base_version", "unknown_field"}}));
}

BOOST_AUTO_TEST_CASE(revision_needs_base_version) {
    BOOST_TEST((codes_of(body(), EntryBody::revision) == FieldErrors{{"base_version", "required"}}));
    BOOST_TEST((codes_of(body("2026-12-04", "1", R"(,"base_version":9223372036854775808)"), EntryBody::revision) ==
                FieldErrors{{"base_version", "out_of_range"}}));
    BOOST_TEST((codes_of(body("2026-12-04", "1", R"(,"base_version":0)"), EntryBody::revision) ==
                FieldErrors{{"base_version", "out_of_range"}}));
    const auto input = read_entry_input(parse_json_object(body("2026-12-04", "1", R"(,"base_version":3,"reason":"Tippfehler")")),
                                        EntryBody::revision, today);
    BOOST_TEST(input.base_version.value() == 3);
    BOOST_TEST(input.reason.value() == "Tippfehler");
}

BOOST_AUTO_TEST_CASE(deletion_needs_reason_and_base_version) {
    const auto input = read_entry_deletion(parse_json_object(R"({"reason":"doppelt","base_version":2})"));
    BOOST_TEST(input.reason.value() == "doppelt");
    BOOST_TEST(input.base_version.value() == 2);
    try {
        read_entry_deletion(parse_json_object(R"({"reason":"","base_version":1e30})"));
        BOOST_ERROR("no ApiError");
    } catch (const ApiError& error) {
        BOOST_TEST((error.fields() == FieldErrors{{"reason", "required"}, {"base_version", "out_of_range"}}));
    }
}

BOOST_AUTO_TEST_CASE(normalize_cost_answers_two_decimals) {
    std::string code;
    BOOST_TEST(normalize_cost("0", code).value() == "0.00");
    BOOST_TEST(normalize_cost("129.9", code).value() == "129.90");
    BOOST_TEST(normalize_cost("129.90", code).value() == "129.90");
    BOOST_TEST(normalize_cost("007.5", code).value() == "7.50");
    BOOST_TEST(normalize_cost("10000000", code).value() == "10000000.00");
    BOOST_TEST(normalize_cost("10000000.00", code).value() == "10000000.00");
    BOOST_TEST(code.empty());
}

BOOST_AUTO_TEST_CASE(normalize_cost_refuses_with_the_field_code) {
    BOOST_TEST(cost_code("10000000.01") == "out_of_range");
    BOOST_TEST(cost_code("99999999") == "out_of_range");
    for (const char* text : {"", "1.", ".5", "1.234", "-1", "1,50", "1e3", " 1", "123456789", "12a"}) {
        BOOST_TEST_CONTEXT(text) { BOOST_TEST(cost_code(text) == "invalid"); }
    }
}

BOOST_AUTO_TEST_CASE(cost_must_be_a_string) {
    BOOST_TEST((codes_of(body("2026-12-04", "1", R"(,"cost":129.9)")) == FieldErrors{{"cost", "invalid"}}));
    BOOST_TEST((codes_of(body("2026-12-04", "1", R"(,"cost":"10000000.5")")) == FieldErrors{{"cost", "out_of_range"}}));
}

BOOST_AUTO_TEST_SUITE_END()
