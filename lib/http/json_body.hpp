#pragma once
// Strict JSON request bodies: the rules of API.md "Bodies", in one place.
#include <cstddef>
#include <string_view>

#include <Poco/JSON/Object.h>

#include "http/request.hpp"

namespace ltc::http {

constexpr std::size_t max_json_body_bytes = 64 * 1024;

// 415 unless the Content-Type is application/json (parameters allowed).
void require_json_content_type(const Request& request);

// Parses a JSON text: 413 over 64 KiB; 400 invalid_json for empty, non-UTF-8, unparseable,
// duplicate keys, raw control characters in strings and numbers that do not fit a double;
// 400 validation_failed for a non-object or NUL characters inside strings.
Poco::JSON::Object::Ptr parse_json_object(std::string_view text);

// Both of the above for a request.
Poco::JSON::Object::Ptr json_body(const Request& request);

bool is_valid_utf8(std::string_view text);

}  // namespace ltc::http
