#include "http/json_fields.hpp"

#include <cmath>
#include <limits>

namespace ltc::http {

namespace {
// parse_json_object hands an integer literal over as Int64, or as a double beyond Int64 (see
// json_body.cpp); a UInt64 from elsewhere is guarded too, since converting it to long long throws.
constexpr double beyond_64_bits = 9223372036854775808.0;  // 2^63

std::optional<long long> out_of_range(std::string& code) {
    code = "out_of_range";
    return std::nullopt;
}
}  // namespace

std::optional<long long> integer_in_range(const Poco::Dynamic::Var& value, long long min, long long max,
                                          std::string& code) {
    if (value.isBoolean() || !value.isNumeric()) {
        code = "invalid";
        return std::nullopt;
    }
    if (!value.isInteger()) {
        // A double beyond 64 bits (an integer literal that long, or 1e30) is outside every
        // field's range; a smaller one (5e4, 1.5) is not a JSON integer.
        if (std::fabs(value.convert<double>()) >= beyond_64_bits) return out_of_range(code);
        code = "invalid";
        return std::nullopt;
    }
    if (!value.isSigned() && value.convert<Poco::UInt64>() > static_cast<Poco::UInt64>(
                                                                   std::numeric_limits<long long>::max())) {
        return out_of_range(code);
    }
    const auto number = value.convert<Poco::Int64>();
    if (number < min || number > max) return out_of_range(code);
    return number;
}

std::size_t utf8_code_points(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

FieldReader::FieldReader(Poco::JSON::Object::Ptr object, std::set<std::string> allowed_fields)
    : object_(std::move(object)) {
    for (const auto& [name, value] : *object_) {
        (void)value;
        if (!allowed_fields.contains(name)) errors_[name] = "unknown_field";
    }
}

std::optional<std::string> FieldReader::optional_string(const std::string& name, std::size_t max_code_points) {
    if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
    const Poco::Dynamic::Var value = object_->get(name);
    if (!value.isString()) {
        fail(name, "invalid");
        return std::nullopt;
    }
    std::string text = value.extract<std::string>();
    if (utf8_code_points(text) > max_code_points) {
        fail(name, "too_long");
        return std::nullopt;
    }
    return text;
}

std::string FieldReader::required_string(const std::string& name, std::size_t max_code_points) {
    if (!object_->has(name) || object_->isNull(name)) {
        fail(name, "required");
        return {};
    }
    const auto value = optional_string(name, max_code_points);
    if (value && value->empty()) fail(name, "required");
    return value.value_or("");
}

std::optional<bool> FieldReader::optional_bool(const std::string& name) {
    if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
    const Poco::Dynamic::Var value = object_->get(name);
    if (value.type() != typeid(bool)) {
        fail(name, "invalid");
        return std::nullopt;
    }
    return value.extract<bool>();
}

std::optional<long long> FieldReader::optional_integer(const std::string& name, long long min, long long max) {
    if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
    std::string code;
    const auto number = integer_in_range(object_->get(name), min, max, code);
    if (!number) fail(name, code);
    return number;
}

std::optional<long long> FieldReader::required_integer(const std::string& name, long long min, long long max) {
    if (!object_->has(name) || object_->isNull(name)) {
        fail(name, "required");
        return std::nullopt;
    }
    return optional_integer(name, min, max);
}

Poco::Dynamic::Var FieldReader::raw(const std::string& name) const {
    return object_->has(name) ? object_->get(name) : Poco::Dynamic::Var();
}

void FieldReader::fail(const std::string& name, const std::string& code) { errors_.emplace(name, code); }

void FieldReader::finish() const {
    if (!errors_.empty()) throw validation_failed(errors_);
}

}  // namespace ltc::http
