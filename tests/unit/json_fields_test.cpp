#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <functional>
#include <set>
#include <string>

#include "http/api_error.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"

using ltc::http::ApiError;
using ltc::http::FieldErrors;
using ltc::http::FieldReader;
using ltc::http::parse_json_object;

namespace {
// The field codes `read` leaves behind (finish() throws them), or {} when it passes.
FieldErrors codes_of(const std::string& body, const std::set<std::string>& allowed,
                     const std::function<void(FieldReader&)>& read) {
    FieldReader fields(parse_json_object(body), allowed);
    read(fields);
    try {
        fields.finish();
    } catch (const ApiError& error) {
        BOOST_TEST(error.status() == 400);
        BOOST_TEST(error.code() == "validation_failed");
        return error.fields();
    }
    return {};
}

FieldErrors integer_codes(const std::string& value, long long min = 0, long long max = 2'000'000) {
    return codes_of(R"({"n":)" + value + "}", {"n"}, [&](FieldReader& f) { f.required_integer("n", min, max); });
}

const FieldErrors out_of_range = {{"n", "out_of_range"}};
const FieldErrors invalid = {{"n", "invalid"}};
}  // namespace

BOOST_AUTO_TEST_SUITE(json_fields)

BOOST_AUTO_TEST_CASE(integers_within_the_range_pass) {
    for (const char* value : {"0", "1", "2000000", "-0"}) {
        BOOST_TEST_CONTEXT(value) { BOOST_TEST(integer_codes(value).empty()); }
    }
    FieldReader fields(parse_json_object(R"({"n":-5})"), {"n"});
    BOOST_TEST(fields.required_integer("n", -10, 10).value() == -5);
}

BOOST_AUTO_TEST_CASE(integers_outside_the_range_are_out_of_range_also_beyond_64_bits) {
    for (const char* value : {"-1", "2000001", "9223372036854775807", "9223372036854775808", "18446744073709551615",
                              "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
                              "1000000000000000000000000000000", "-1000000000000000000000000000000", "1e30",
                              "1.5e300"}) {
        BOOST_TEST_CONTEXT(value) { BOOST_TEST((integer_codes(value) == out_of_range)); }
    }
}

BOOST_AUTO_TEST_CASE(non_integers_are_invalid) {
    for (const char* value : {"5e4", "1.5", "2.0", "-0.5", "\"5\"", "true", "false", "[1]", "{}"}) {
        BOOST_TEST_CONTEXT(value) { BOOST_TEST((integer_codes(value) == invalid)); }
    }
}

BOOST_AUTO_TEST_CASE(integer_beyond_a_double_is_invalid_json) {
    try {
        integer_codes(std::string(400, '9'));
        BOOST_ERROR("no ApiError");
    } catch (const ApiError& error) {
        BOOST_TEST(error.code() == "invalid_json");
    }
}

BOOST_AUTO_TEST_CASE(required_integer_missing_or_null_is_required_optional_is_nothing) {
    const auto required = [](FieldReader& f) { f.required_integer("n", 0, 10); };
    BOOST_TEST((codes_of("{}", {"n"}, required) == FieldErrors{{"n", "required"}}));
    BOOST_TEST((codes_of(R"({"n":null})", {"n"}, required) == FieldErrors{{"n", "required"}}));
    FieldReader fields(parse_json_object(R"({"n":null})"), {"n", "m"});
    BOOST_TEST(!fields.optional_integer("n", 0, 10).has_value());
    BOOST_TEST(!fields.optional_integer("m", 0, 10).has_value());
    BOOST_CHECK_NO_THROW(fields.finish());
}

BOOST_AUTO_TEST_CASE(strings_required_too_long_and_invalid) {
    const auto read = [](FieldReader& f) {
        f.required_string("a", 3);
        f.required_string("b", 3);
        f.optional_string("c", 3);
        f.optional_string("d", 3);
    };
    BOOST_TEST((codes_of(R"({"a":"","b":null,"c":"abcd","d":5})", {"a", "b", "c", "d"}, read) ==
                FieldErrors{{"a", "required"}, {"b", "required"}, {"c", "too_long"}, {"d", "invalid"}}));
    BOOST_TEST((codes_of(R"({"c":"abc"})", {"a", "b", "c", "d"}, read) ==
                FieldErrors{{"a", "required"}, {"b", "required"}}));
}

BOOST_AUTO_TEST_CASE(string_length_counts_code_points_not_bytes) {
    FieldReader fields(parse_json_object("{\"a\":\"\xC3\xA4\xC3\xB6\xC3\xBC\"}"), {"a"});
    BOOST_TEST(fields.required_string("a", 3) == "\xC3\xA4\xC3\xB6\xC3\xBC");
    BOOST_CHECK_NO_THROW(fields.finish());
    BOOST_TEST(ltc::http::utf8_code_points("\xF0\x9F\x9A\x97x") == 2U);
}

BOOST_AUTO_TEST_CASE(booleans_only_true_and_false) {
    const auto read = [](FieldReader& f) {
        f.optional_bool("t");
        f.optional_bool("one");
        f.optional_bool("text");
    };
    BOOST_TEST((codes_of(R"({"t":true,"one":1,"text":"true"})", {"t", "one", "text"}, read) ==
                FieldErrors{{"one", "invalid"}, {"text", "invalid"}}));
    FieldReader fields(parse_json_object(R"({"t":false})"), {"t"});
    BOOST_TEST(fields.optional_bool("t").value() == false);
}

BOOST_AUTO_TEST_CASE(unknown_fields_are_named) {
    BOOST_TEST((codes_of(R"({"a":"x","evil":1})", {"a"}, [](FieldReader& f) { f.optional_string("a", 5); }) ==
                FieldErrors{{"evil", "unknown_field"}}));
}

BOOST_AUTO_TEST_CASE(first_code_of_a_field_wins) {
    BOOST_TEST((codes_of(R"({"a":"x"})", {"a"}, [](FieldReader& f) {
                   f.fail("a", "invalid");
                   f.fail("a", "too_long");
               }) == FieldErrors{{"a", "invalid"}}));
}

BOOST_AUTO_TEST_SUITE_END()
