#include "http/json_body.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include "http/api_error.hpp"

namespace ltc::http {

namespace {

struct DuplicateKey {};
struct NumberOutOfRange {};

// Poco accepts duplicate keys (last wins) and infinite numbers; this handler refuses both.
// It also notes the top-level member names in order, so that a NUL found by scan_text can be
// reported under its member's name.
class StrictHandler : public Poco::JSON::ParseHandler {
public:
    void startObject() override {
        keys_.emplace_back();
        ParseHandler::startObject();
    }
    void endObject() override {
        keys_.pop_back();
        ParseHandler::endObject();
    }
    void key(const std::string& name) override {
        if (!keys_.back().insert(name).second) throw DuplicateKey{};
        if (keys_.size() == 1) top_level_keys_.push_back(name);
        ParseHandler::key(name);
    }
    void value(double number) override {
        if (!std::isfinite(number)) throw NumberOutOfRange{};
        ParseHandler::value(number);
    }
    using ParseHandler::value;

    const std::vector<std::string>& top_level_keys() const { return top_level_keys_; }

private:
    std::vector<std::set<std::string>> keys_;
    std::vector<std::string> top_level_keys_;
};

// What the raw text shows that Poco's handler cannot: a raw control character inside a string
// literal (invalid JSON, RFC 8259 §7); \u0000 escapes, by the position (0, 1, …) of the
// top-level member whose key or value holds them (Poco cuts a key at the NUL, "a\u0000b"
// becomes "a", so the handler never sees it); and where integer literals beyond 64 bits end.
struct TextScan {
    bool raw_control = false;
    std::set<std::size_t> nul_members;
    std::vector<std::size_t> long_integer_ends;
};

// An integer literal outside Int64: Poco 1.11 wraps it (2^64 becomes 0) or refuses it as
// unparseable, so it is handed to Poco as a decimal literal and arrives as a double — which
// the field reader answers with out_of_range, and StrictHandler with invalid_json beyond a double.
bool is_long_integer(std::string_view token) {
    const std::string_view digits = token.starts_with('-') ? token.substr(1) : token;
    if (digits.empty() || digits.front() == '0' || digits.find_first_not_of("0123456789") != std::string_view::npos) {
        return false;
    }
    long long value = 0;
    return std::from_chars(token.data(), token.data() + token.size(), value).ec == std::errc::result_out_of_range;
}

// The end of the number token starting at `from` (JSON's number characters; validity is Poco's job).
std::size_t number_end(std::string_view text, std::size_t from) {
    const auto end = text.find_first_not_of("0123456789+-.eE", from);
    return end == std::string_view::npos ? text.size() : end;
}

bool followed_by_colon(std::string_view text, std::size_t from) {
    const auto next = text.find_first_not_of(" \t\r\n", from);
    return next != std::string_view::npos && text[next] == ':';
}

TextScan scan_text(std::string_view text) {
    TextScan scan;
    int depth = 0;
    std::size_t members = 0;  // top-level keys seen so far
    bool in_string = false;
    bool escaped = false;
    bool string_has_nul = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!in_string) {
            if (c == '"') {
                in_string = true;
                string_has_nul = false;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                --depth;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                const std::size_t end = number_end(text, i);
                if (is_long_integer(text.substr(i, end - i))) scan.long_integer_ends.push_back(end);
                i = end - 1;
            }
            continue;
        }
        if (escaped) {
            escaped = false;
            if (c == 'u' && text.substr(i + 1, 4) == "0000") string_has_nul = true;
        } else if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            in_string = false;
            if (depth == 1 && followed_by_colon(text, i + 1)) ++members;
            if (string_has_nul && members > 0) scan.nul_members.insert(members - 1);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            scan.raw_control = true;
            return scan;
        }
    }
    return scan;
}

// "[text]" for Poco (see parse_json_object), with ".0" after each long integer literal.
std::string text_for_poco(std::string_view text, const TextScan& scan) {
    std::string out = "[";
    std::size_t copied = 0;
    for (const std::size_t end : scan.long_integer_ends) {
        out.append(text.substr(copied, end - copied)).append(".0");
        copied = end;
    }
    out.append(text.substr(copied)).append("]");
    return out;
}

// validation_failed naming each member that holds a NUL; a key cut to nothing is the body's.
ApiError nul_in_members(const TextScan& scan, const std::vector<std::string>& keys) {
    FieldErrors fields;
    for (const std::size_t member : scan.nul_members) {
        const bool named = member < keys.size() && !keys[member].empty();
        fields[named ? keys[member] : "body"] = "invalid";
    }
    return validation_failed(fields);
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t code_point = 0;
        if (byte < 0x80) { ++i; continue; }
        if ((byte & 0xE0) == 0xC0) { length = 2; code_point = byte & 0x1F; }
        else if ((byte & 0xF0) == 0xE0) { length = 3; code_point = byte & 0x0F; }
        else if ((byte & 0xF8) == 0xF0) { length = 4; code_point = byte & 0x07; }
        else return false;
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code_point = (code_point << 6) | (next & 0x3F);
        }
        const bool overlong = (length == 2 && code_point < 0x80) || (length == 3 && code_point < 0x800) ||
                              (length == 4 && code_point < 0x10000);
        const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
        if (overlong || surrogate || code_point > 0x10FFFF) return false;
        i += length;
    }
    return true;
}

void require_json_content_type(const Request& request) {
    std::string type = request.header("content-type");
    if (const auto semi = type.find(';'); semi != std::string::npos) type.resize(semi);
    while (!type.empty() && type.back() == ' ') type.pop_back();
    for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (type != "application/json") throw ApiError(415, "unsupported_media_type");
}

Poco::JSON::Object::Ptr parse_json_object(std::string_view text) {
    if (text.size() > max_json_body_bytes) throw ApiError(413, "payload_too_large");
    if (text.empty() || !is_valid_utf8(text)) throw invalid_json();
    const TextScan scan = scan_text(text);
    if (scan.raw_control) throw invalid_json();

    auto* strict = new StrictHandler();
    Poco::JSON::ParseHandler::Ptr handler = strict;
    Poco::JSON::Parser parser(handler);
    Poco::Dynamic::Var result;
    try {
        // Wrapped in [ ] because Poco's ParseHandler cannot hold a top-level scalar ("5" throws as
        // if unparseable); "[T]" is an array of exactly one element exactly when T is one JSON value.
        const auto wrapped = parser.parse(text_for_poco(text, scan)).extract<Poco::JSON::Array::Ptr>();
        if (wrapped->size() != 1) throw invalid_json();
        result = wrapped->get(0);
    } catch (const DuplicateKey&) {
        throw invalid_json();
    } catch (const NumberOutOfRange&) {
        throw invalid_json();
    } catch (const Poco::Exception&) {
        throw invalid_json();
    }
    // Both checks come after parsing so that an unparseable body is invalid_json first.
    if (result.type() != typeid(Poco::JSON::Object::Ptr)) throw validation_failed({{"body", "invalid"}});
    if (!scan.nul_members.empty()) throw nul_in_members(scan, strict->top_level_keys());
    return result.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr json_body(const Request& request) {
    require_json_content_type(request);
    return parse_json_object(request.body);
}

}  // namespace ltc::http
