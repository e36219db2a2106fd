#include "http/json_fields.hpp"

namespace ltc::http {

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

Poco::Dynamic::Var FieldReader::raw(const std::string& name) const {
    return object_->has(name) ? object_->get(name) : Poco::Dynamic::Var();
}

void FieldReader::fail(const std::string& name, const std::string& code) { errors_.emplace(name, code); }

void FieldReader::finish() const {
    if (!errors_.empty()) throw validation_failed(errors_);
}

}  // namespace ltc::http
