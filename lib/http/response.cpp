#include "http/response.hpp"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

namespace ltc::http {

Response& Response::with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

std::string to_json(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    // Options 0: no pretty printing; Poco escapes control and non-ASCII characters safely.
    object->stringify(out, 0, -1);
    return out.str();
}

std::string to_json(const Poco::JSON::Array::Ptr& array) {
    std::ostringstream out;
    array->stringify(out, 0, -1);
    return out.str();
}

Response json_response(int status, const Poco::JSON::Object::Ptr& object) {
    Response response;
    response.status = status;
    response.body = to_json(object);
    return response;
}

Response raw_json_response(int status, std::string json) {
    Response response;
    response.status = status;
    response.body = std::move(json);
    return response;
}

Response no_content() {
    Response response;
    response.status = 204;
    response.content_type.clear();
    return response;
}

Response error_response(const ApiError& error, const std::string& request_id) {
    Poco::JSON::Object::Ptr inner = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    inner->set("code", error.code());
    inner->set("message", error.message());
    if (!error.fields().empty()) {
        Poco::JSON::Object::Ptr fields = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        for (const auto& [field, code] : error.fields()) fields->set(field, code);
        inner->set("fields", fields);
    }
    Poco::JSON::Object::Ptr envelope = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    envelope->set("error", inner);
    envelope->set("request_id", request_id);

    Response response = json_response(error.status(), envelope);
    for (const auto& [name, value] : error.headers()) response.with_header(name, value);
    return response;
}

std::string status_text(int status) {
    switch (status) {
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No Content";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 410: return "Gone";
        case 413: return "Payload Too Large";
        case 415: return "Unsupported Media Type";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Status";
    }
}

}  // namespace ltc::http
