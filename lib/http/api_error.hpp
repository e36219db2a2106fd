#pragma once
// A failure the client is told about: status, stable snake_case code, German message.
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ltc::http {

using FieldErrors = std::map<std::string, std::string>;

class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string code, std::string message = {}, FieldErrors fields = {});

    int status() const { return status_; }
    const std::string& code() const { return code_; }
    const std::string& message() const { return message_; }
    const FieldErrors& fields() const { return fields_; }
    const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }

    ApiError& with_header(std::string name, std::string value);

private:
    int status_;
    std::string code_;
    std::string message_;
    FieldErrors fields_;
    std::vector<std::pair<std::string, std::string>> headers_;
};

// The German sentence shown for a code when the thrower gives none.
std::string default_message(const std::string& code);

ApiError validation_failed(FieldErrors fields);
ApiError invalid_json();
ApiError not_found();

}  // namespace ltc::http
