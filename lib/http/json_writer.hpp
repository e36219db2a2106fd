#pragma once
// JSON text written straight into one string, for the answers that carry many objects (lists):
// building them as Poco::JSON objects cost an allocation per field and a stream write per token,
// most of the CPU of such a request. Strings are escaped as Poco's stringifier does (UTF-8 kept,
// quotes, backslashes and control characters escaped), so both give the same bytes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ltc::http {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // The next member's name (inside an object).
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    // null when absent
    template <typename T>
    JsonWriter& value(const std::optional<T>& maybe) {
        return maybe ? value(*maybe) : null();
    }
    JsonWriter& value(long long number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();

    // The text written so far; complete once every object and array is closed.
    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void separate();
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);

    std::string out_;
    std::vector<bool> has_members_;  // per open object/array: a comma goes before the next member
    bool after_key_ = false;
};

// `text` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

}  // namespace ltc::http
