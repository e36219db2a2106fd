#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include "http/api_error.hpp"
#include "http/json_body.hpp"
#include "vehicles/vehicle_input.hpp"

using ltc::http::ApiError;
using ltc::http::FieldErrors;
using ltc::http::parse_json_object;
using ltc::vehicles::apply_input;
using ltc::vehicles::read_vehicle_input;
using ltc::vehicles::VehicleFields;
using ltc::vehicles::VehicleInput;

namespace {
constexpr int max_year = 2027;

VehicleInput read(const std::string& text) { return read_vehicle_input(parse_json_object(text), max_year); }

FieldErrors codes_of(const std::string& text) {
    try {
        read(text);
    } catch (const ApiError& error) {
        BOOST_TEST(error.code() == "validation_failed");
        return error.fields();
    }
    return {};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(vehicle_input)

BOOST_AUTO_TEST_CASE(fields_are_read_with_presence) {
    const auto input = read(R"({"vin":"WVWZZZ1JZXW000001","nickname":"Blitz","year":2001,"make":null})");
    BOOST_TEST(input.vin.present);
    BOOST_TEST(input.vin.value.value() == "WVWZZZ1JZXW000001");
    BOOST_TEST(input.nickname.value.value() == "Blitz");
    BOOST_TEST(input.year.value.value() == 2001);
    BOOST_TEST(input.make.present);
    BOOST_TEST(!input.make.value.has_value());
    BOOST_TEST(!input.model.present);
}

BOOST_AUTO_TEST_CASE(vin_of_another_type_is_left_to_the_vin_check) {
    const auto input = read(R"({"vin":12345})");
    BOOST_TEST(input.vin.present);
    BOOST_TEST(input.vin_not_a_string);
}

BOOST_AUTO_TEST_CASE(year_range_and_type) {
    BOOST_TEST(codes_of(R"({"year":1886})").empty());
    BOOST_TEST(codes_of(R"({"year":2027})").empty());
    for (const char* year : {"1885", "2028", "-1", "9223372036854775807", "9223372036854775808",
                             "1000000000000000000000000000000", "1e30"}) {
        BOOST_TEST_CONTEXT(year) {
            BOOST_TEST((codes_of(std::string(R"({"year":)") + year + "}") == FieldErrors{{"year", "out_of_range"}}));
        }
    }
    for (const char* year : {"2e3", "2001.5", "\"2001\"", "true"}) {
        BOOST_TEST_CONTEXT(year) {
            BOOST_TEST((codes_of(std::string(R"({"year":)") + year + "}") == FieldErrors{{"year", "invalid"}}));
        }
    }
    const auto cleared = read(R"({"year":null})");
    BOOST_TEST(cleared.year.present);
    BOOST_TEST(!cleared.year.value.has_value());
}

BOOST_AUTO_TEST_CASE(texts_enums_and_unknown_fields) {
    BOOST_TEST((codes_of(R"({"nickname":")" + std::string(61, 'x') + R"(","vehicle_class":"panzer",)"
                         R"("accident_status":"egal","engine":5,"color":"rot","accident_closed":"ja"})") ==
                FieldErrors{{"nickname", "too_long"},
                            {"vehicle_class", "invalid"},
                            {"accident_status", "invalid"},
                            {"engine", "invalid"},
                            {"color", "unknown_field"},
                            {"accident_closed", "invalid"}}));
    BOOST_TEST(codes_of(R"({"nickname":")" + std::string(60, 'x') + R"(","vehicle_class":"oldtimer"})").empty());
}

BOOST_AUTO_TEST_CASE(empty_string_clears_like_null) {
    const auto input = read(R"({"nickname":""})");
    BOOST_TEST(input.nickname.present);
    BOOST_TEST(!input.nickname.value.has_value());
}

BOOST_AUTO_TEST_CASE(apply_input_changes_only_what_was_sent) {
    const VehicleFields current = apply_input(VehicleFields{}, read(R"({"nickname":"Alt","make":"VW","year":1999})"));
    const auto result = apply_input(current, read(R"({"nickname":"Neu","year":null})"));
    BOOST_TEST(result.nickname.value() == "Neu");
    BOOST_TEST(result.make.value() == "VW");
    BOOST_TEST(!result.year.has_value());
    BOOST_TEST(result.accident_status == "unbekannt");
}

BOOST_AUTO_TEST_CASE(accident_closed_is_kept_only_for_nicht_unfallfrei) {
    const VehicleFields defaults;
    BOOST_TEST(apply_input(defaults, read(R"({"accident_status":"nicht_unfallfrei","accident_closed":true})"))
                   .accident_closed);
    BOOST_TEST(!apply_input(defaults, read(R"({"accident_status":"unfallfrei","accident_closed":true})"))
                    .accident_closed);
    const VehicleFields closed =
        apply_input(VehicleFields{}, read(R"({"accident_status":"nicht_unfallfrei","accident_closed":true})"));
    BOOST_TEST(closed.accident_closed);
    const auto reset = apply_input(closed, read(R"({"accident_status":null})"));
    BOOST_TEST(reset.accident_status == "unbekannt");
    BOOST_TEST(!reset.accident_closed);
}

BOOST_AUTO_TEST_SUITE_END()
