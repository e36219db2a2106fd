#pragma once
// Reads the fields of a JSON object body and collects API.md's field codes
// (required, invalid, too_long, out_of_range, unknown_field) into one validation_failed.
#include <optional>
#include <set>
#include <string>

#include <Poco/JSON/Object.h>

#include "http/api_error.hpp"

namespace ltc::http {

class FieldReader {
public:
    FieldReader(Poco::JSON::Object::Ptr object, std::set<std::string> allowed_fields);

    // Absent or null → nullopt; not a string → invalid; longer than max_code_points → too_long.
    std::optional<std::string> optional_string(const std::string& name, std::size_t max_code_points);
    // As above, and absent, null or empty → required.
    std::string required_string(const std::string& name, std::size_t max_code_points);
    std::optional<bool> optional_bool(const std::string& name);
    // JSON integers only: absent or null → nullopt; 5e4, 1.5, "5", true → invalid; outside
    // min..max → out_of_range, also beyond 64 bits.
    std::optional<long long> optional_integer(const std::string& name, long long min, long long max);
    // As above, and absent or null → required.
    std::optional<long long> required_integer(const std::string& name, long long min, long long max);
    // The raw value, for fields with their own rules (arrays, objects).
    Poco::Dynamic::Var raw(const std::string& name) const;

    void fail(const std::string& name, const std::string& code);
    // Throws validation_failed when any field failed.
    void finish() const;

private:
    Poco::JSON::Object::Ptr object_;
    FieldErrors errors_;
};

std::size_t utf8_code_points(const std::string& text);

// The value of an integer field in min..max, or the field code (invalid, out_of_range) in `code`.
std::optional<long long> integer_in_range(const Poco::Dynamic::Var& value, long long min, long long max,
                                          std::string& code);

}  // namespace ltc::http
