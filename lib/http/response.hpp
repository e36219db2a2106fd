#pragma once
// An HTTP response and the JSON renderings every handler shares.
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Object.h>

#include "http/api_error.hpp"

namespace ltc::http {

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    Response& with_header(std::string name, std::string value);
};

std::string to_json(const Poco::JSON::Object::Ptr& object);
std::string to_json(const Poco::JSON::Array::Ptr& array);

Response json_response(int status, const Poco::JSON::Object::Ptr& object);
// A body that already is JSON text (e.g. a stored summary), sent as it is.
Response raw_json_response(int status, std::string json);
Response no_content();

// {"error":{"code","message"[,"fields"]},"request_id"} with the error's own headers.
Response error_response(const ApiError& error, const std::string& request_id);

// The reason phrase for the FastCGI Status line.
std::string status_text(int status);

}  // namespace ltc::http
