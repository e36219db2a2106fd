// Fuzz target: request bodies, query strings and cookie headers. An ApiError is the expected
// answer to bad input; any other exception, a crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <Poco/JSON/Object.h>

#include "http/api_error.hpp"
#include "http/json_body.hpp"
#include "http/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    try {
        const Poco::JSON::Object::Ptr object = ltc::http::parse_json_object(input);
        // A successful parse must be an object whose text was valid UTF-8 and within the limit.
        if (object.isNull() || size > ltc::http::max_json_body_bytes || !ltc::http::is_valid_utf8(input)) {
            __builtin_trap();
        }
    } catch (const ltc::http::ApiError& error) {
        const int status = error.status();
        if (status != 400 && status != 413) __builtin_trap();
    }

    const ltc::http::StringMap query = ltc::http::parse_query(input);
    for (const auto& [name, value] : query) {
        if (name.empty()) __builtin_trap();
        (void)value;
    }
    (void)ltc::http::percent_decode(input, true);
    (void)ltc::http::parse_cookies(input);
    (void)ltc::http::split_request_uri(input);
    (void)ltc::http::header_name_from_cgi(input);
    return 0;
}
