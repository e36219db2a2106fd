#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>

#include "http/api_error.hpp"
#include "http/json_body.hpp"

using ltc::http::ApiError;
using ltc::http::parse_json_object;
using ltc::http::Request;

namespace {
// Runs the call and checks it throws an ApiError with exactly this status and code.
void expect_api_error(const std::function<void()>& call, int status, const std::string& code) {
    try {
        call();
        BOOST_ERROR("no ApiError, expected " << status << " " << code);
    } catch (const ApiError& error) {
        BOOST_TEST(error.status() == status);
        BOOST_TEST(error.code() == code);
    }
}

void expect_invalid_json(const std::string& body) {
    BOOST_TEST_CONTEXT("body: " << body) { expect_api_error([&] { parse_json_object(body); }, 400, "invalid_json"); }
}

// validation_failed always names what failed (API.md "Edge decisions").
void expect_validation_failed(const std::string& body, const ltc::http::FieldErrors& fields) {
    BOOST_TEST_CONTEXT("body: " << body) {
        try {
            parse_json_object(body);
            BOOST_ERROR("no ApiError");
        } catch (const ApiError& error) {
            BOOST_TEST(error.status() == 400);
            BOOST_TEST(error.code() == "validation_failed");
            BOOST_TEST((error.fields() == fields));
        }
    }
}

const ltc::http::FieldErrors body_invalid = {{"body", "invalid"}};

Request with_type(const std::string& content_type, std::string body = "{}") {
    Request request;
    if (!content_type.empty()) request.headers["content-type"] = content_type;
    request.body = std::move(body);
    return request;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(json_body)

BOOST_AUTO_TEST_CASE(content_type_text_plain_is_415) {
    expect_api_error([] { ltc::http::json_body(with_type("text/plain")); }, 415, "unsupported_media_type");
    expect_api_error([] { ltc::http::json_body(with_type("application/jsonx")); }, 415, "unsupported_media_type");
    expect_api_error([] { ltc::http::json_body(with_type("application/x-www-form-urlencoded")); }, 415,
                     "unsupported_media_type");
}

BOOST_AUTO_TEST_CASE(missing_content_type_is_415) {
    expect_api_error([] { ltc::http::json_body(with_type("")); }, 415, "unsupported_media_type");
}

BOOST_AUTO_TEST_CASE(content_type_json_with_parameters_is_accepted) {
    for (const char* type : {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
                             "application/json ; charset=utf-8"}) {
        BOOST_TEST_CONTEXT(type) {
            const auto object = ltc::http::json_body(with_type(type, R"({"a":1})"));
            BOOST_REQUIRE(object);
            BOOST_TEST(object->getValue<int>("a") == 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(content_type_is_checked_before_the_body) {
    // An invalid body with a wrong type answers 415, not 400.
    expect_api_error([] { ltc::http::json_body(with_type("text/plain", "not json")); }, 415, "unsupported_media_type");
}

BOOST_AUTO_TEST_CASE(body_over_64_kib_is_413) {
    // A valid object of exactly 64 KiB passes; one byte more is 413.
    const std::string prefix = R"({"a":")";
    const std::string suffix = R"("})";
    const std::string exact = prefix + std::string(64 * 1024 - prefix.size() - suffix.size(), 'x') + suffix;
    BOOST_REQUIRE(exact.size() == ltc::http::max_json_body_bytes);
    BOOST_TEST(parse_json_object(exact)->getValue<std::string>("a").size() == exact.size() - 8);
    const std::string over = prefix + std::string(64 * 1024 - prefix.size() - suffix.size() + 1, 'x') + suffix;
    expect_api_error([&] { parse_json_object(over); }, 413, "payload_too_large");
    // Size is checked first: even garbage over the limit is 413.
    expect_api_error([] { parse_json_object(std::string(64 * 1024 + 1, '\xff')); }, 413, "payload_too_large");
}

BOOST_AUTO_TEST_CASE(empty_body_is_invalid_json) {
    expect_invalid_json("");
    expect_api_error([] { ltc::http::json_body(with_type("application/json", "")); }, 400, "invalid_json");
}

BOOST_AUTO_TEST_CASE(non_utf8_is_invalid_json) {
    expect_invalid_json("{\"a\":\"\xC0\xAF\"}");              // overlong '/'
    expect_invalid_json("{\"a\":\"\xE0\x80\xAF\"}");          // overlong, three bytes
    expect_invalid_json("{\"a\":\"\xF0\x80\x80\xAF\"}");      // overlong, four bytes
    expect_invalid_json("{\"a\":\"\xED\xA0\x80\"}");          // UTF-16 surrogate D800 encoded
    expect_invalid_json("{\"a\":\"\xED\xBF\xBF\"}");          // surrogate DFFF
    expect_invalid_json("{\"a\":\"\xC3\"}");                  // truncated two-byte sequence
    expect_invalid_json("{\"a\":\"\xE2\x82\"}");              // truncated three-byte sequence
    expect_invalid_json("{\"a\":\"x\"}\xF0\x9F\x98");         // truncated at the very end
    expect_invalid_json("{\"a\":\"\xF4\x90\x80\x80\"}");      // above U+10FFFF
    expect_invalid_json("{\"a\":\"\xFF\"}");                  // never valid
    expect_invalid_json("{\"a\":\"\x80\"}");                  // lone continuation byte
    expect_invalid_json("{\"\xC0\xAF\":1}");                  // in a key
}

BOOST_AUTO_TEST_CASE(valid_utf8_is_accepted) {
    const auto object = parse_json_object("{\"name\":\"J\xC3\xBCrgen \xE2\x82\xAC \xF0\x9F\x9A\x97\"}");
    BOOST_TEST(object->getValue<std::string>("name") == "J\xC3\xBCrgen \xE2\x82\xAC \xF0\x9F\x9A\x97");
    BOOST_TEST(ltc::http::is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
    BOOST_TEST(ltc::http::is_valid_utf8("\xEE\x80\x80"));      // U+E000, just after the surrogates
    BOOST_TEST(!ltc::http::is_valid_utf8("\xED\xA0\x80"));
    BOOST_TEST(ltc::http::is_valid_utf8(""));
}

BOOST_AUTO_TEST_CASE(unparseable_is_invalid_json) {
    for (const char* body : {"{", "}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "{a:1}", "{} x", "{}{}",
                             "{\"a\":NaN}", "{\"a\":01}", "{\"a\":tru}", "nul", "\xEF\xBB\xBF{}", "{/*c*/}"}) {
        expect_invalid_json(body);
    }
}

BOOST_AUTO_TEST_CASE(duplicate_keys_are_invalid_json) {
    expect_invalid_json(R"({"a":1,"a":1})");
    expect_invalid_json(R"({"a":1,"b":2,"a":3})");
    expect_invalid_json(R"({"outer":{"a":1,"a":2}})");
    expect_invalid_json(R"({"list":[{"x":1},{"x":1,"x":2}]})");
    expect_invalid_json(R"({"a":1,"\u0061":2})");          // equal after unescaping
    expect_invalid_json(R"({"\u00e4":1,"ä":2})");
}

BOOST_AUTO_TEST_CASE(same_key_in_sibling_objects_is_fine) {
    const auto object = parse_json_object(R"({"x":{"a":1},"y":{"a":2},"a":3,"list":[{"a":4},{"a":5}]})");
    BOOST_TEST(object->getObject("x")->getValue<int>("a") == 1);
    BOOST_TEST(object->getObject("y")->getValue<int>("a") == 2);
    BOOST_TEST(object->getValue<int>("a") == 3);
    BOOST_TEST(object->getArray("list")->size() == 2U);
}

BOOST_AUTO_TEST_CASE(raw_control_character_in_string_is_invalid_json) {
    expect_invalid_json("{\"a\":\"x\ty\"}");
    expect_invalid_json("{\"a\":\"x\ny\"}");
    expect_invalid_json("{\"a\":\"x\x1Fy\"}");
    expect_invalid_json(std::string("{\"a\":\"x\0y\"}", 11));  // raw NUL byte
    expect_invalid_json("{\"a\tb\":1}");                       // in a key
    // Escaped control characters and whitespace between tokens are fine.
    const auto object = parse_json_object("{\n\t\"a\" : \"x\\ty\\n\\u001f\"\r\n}");
    BOOST_TEST(object->getValue<std::string>("a") == "x\ty\n\x1F");
}

BOOST_AUTO_TEST_CASE(numbers_that_do_not_fit_a_double_are_invalid_json) {
    expect_invalid_json(R"({"a":1e999})");
    expect_invalid_json(R"({"a":-1e999})");
    expect_invalid_json(R"({"a":[1,2,1E400]})");
    const auto object = parse_json_object(R"({"a":1e308,"b":-2.5,"c":5e4,"d":9007199254740993})");
    BOOST_TEST(object->getValue<double>("a") == 1e308);
    BOOST_TEST(object->getValue<double>("b") == -2.5);
    BOOST_TEST(object->getValue<double>("c") == 50000.0);
    BOOST_TEST(object->getValue<long long>("d") == 9007199254740993LL);
}

BOOST_AUTO_TEST_CASE(integer_literals_beyond_64_bits_arrive_as_doubles) {
    // Poco 1.11 alone wraps 2^64 to 0, clamps below Int64 and refuses longer literals as unparseable.
    const auto object = parse_json_object(
        R"({"a":18446744073709551616,"b":-9223372036854775809,"c":1000000000000000000000000000000,)"
        R"("d":"18446744073709551616","e":[9223372036854775807,-9223372036854775808,18446744073709551615]})");
    BOOST_TEST((object->get("a").type() == typeid(double)));
    BOOST_TEST(object->getValue<double>("a") == 18446744073709551616.0);
    BOOST_TEST(object->getValue<double>("b") == -9223372036854775809.0);
    BOOST_TEST(object->getValue<double>("c") == 1e30);
    BOOST_TEST(object->getValue<std::string>("d") == "18446744073709551616");
    const auto within = object->getArray("e");
    BOOST_TEST(within->getElement<long long>(0) == 9223372036854775807LL);
    BOOST_TEST(within->getElement<long long>(1) == (-9223372036854775807LL - 1));
    BOOST_TEST(within->getElement<double>(2) == 18446744073709551615.0);  // beyond Int64: a double too
    // Beyond a double stays invalid JSON, and so do malformed numbers.
    expect_invalid_json(R"({"a":)" + std::string(400, '9') + "}");
    expect_invalid_json(R"({"a":-)" + std::string(400, '9') + "}");
    expect_invalid_json(R"({"a":0123456789012345678901234})");
    expect_invalid_json(R"({"a":99999999999999999999-})");
}

BOOST_AUTO_TEST_CASE(non_object_top_level_is_validation_failed_on_body) {
    for (const char* body : {"[]", "[1,2]", R"([{"a":1}])", R"("text")", "true", "null", " 5 ", "-1.5",
                             R"(["\u0000"])"}) {
        expect_validation_failed(body, body_invalid);
    }
}

BOOST_AUTO_TEST_CASE(nul_in_value_or_key_is_validation_failed_on_its_field) {
    expect_validation_failed(R"({"a":"\u0000"})", {{"a", "invalid"}});
    expect_validation_failed(R"({"ok":"x","a":"x\u0000y"})", {{"a", "invalid"}});
    expect_validation_failed(R"({"a":{"b":["ok","\u0000"]},"c":1})", {{"a", "invalid"}});
    expect_validation_failed(R"({"a":{"b\u0000":1}})", {{"a", "invalid"}});
    expect_validation_failed(R"({"a" : "\u0000", "b":["\u0000"]})", {{"a", "invalid"}, {"b", "invalid"}});
    // Poco cuts a key at the NUL: the member is named as far as it goes, or the body when nothing is left.
    expect_validation_failed(R"({"role\u0000x":"admin"})", {{"role", "invalid"}});
    expect_validation_failed(R"({"\u0000":1})", body_invalid);
    // Strings of nested objects followed by a colon are not top-level members.
    expect_validation_failed(R"({"x":{"y":1},"note":"\u0000"})", {{"note", "invalid"}});
    // An escaped backslash followed by "u0000" is not a NUL.
    const auto object = parse_json_object(R"({"a":"\\u0000"})");
    BOOST_TEST(object->getValue<std::string>("a") == "\\u0000");
}

BOOST_AUTO_TEST_CASE(invalid_json_takes_precedence_over_validation_failed) {
    expect_invalid_json(R"({"a":"\u0000",})");
    expect_invalid_json(R"([1,)");
    expect_invalid_json("[\"\t\"]");
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_invalid_json_without_crashing) {
    expect_invalid_json(std::string(10000, '['));
    expect_invalid_json(std::string(10000, '[') + std::string(10000, ']'));
    expect_invalid_json("{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}");
    std::string objects;
    for (int i = 0; i < 5000; ++i) objects += "{\"a\":";
    expect_invalid_json(objects + "1" + std::string(5000, '}'));
}

BOOST_AUTO_TEST_CASE(moderate_nesting_is_accepted) {
    const auto object = parse_json_object("{\"a\":" + std::string(30, '[') + std::string(30, ']') + "}");
    BOOST_TEST(object->getArray("a")->size() == 1U);
}

BOOST_AUTO_TEST_CASE(valid_object_keeps_types) {
    const auto object = parse_json_object(R"({"s":"x","i":42,"f":1.5,"t":true,"n":null,"o":{},"l":[]})");
    BOOST_TEST(object->size() == 7U);
    BOOST_TEST(object->getValue<std::string>("s") == "x");
    BOOST_TEST(object->getValue<int>("i") == 42);
    BOOST_TEST(object->getValue<double>("f") == 1.5);
    BOOST_TEST(object->getValue<bool>("t") == true);
    BOOST_TEST(object->isNull("n"));
    BOOST_TEST(object->getObject("o")->size() == 0U);
    BOOST_TEST(object->getArray("l")->size() == 0U);
}

BOOST_AUTO_TEST_SUITE_END()
