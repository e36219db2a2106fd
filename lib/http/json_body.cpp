#include "http/json_body.hpp"

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
// NUL characters are found by has_raw_control_in_string (Poco truncates keys at a NUL).
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
        ParseHandler::key(name);
    }
    void value(double number) override {
        if (!std::isfinite(number)) throw NumberOutOfRange{};
        ParseHandler::value(number);
    }
    using ParseHandler::value;

private:
    std::vector<std::set<std::string>> keys_;
};

// A raw control character inside a string literal is invalid JSON (RFC 8259 §7).
// Also notes a \u0000 escape: Poco cuts an object key at the NUL ("a\u0000b" becomes "a"),
// so StrictHandler::key cannot see it and the scan has to.
bool has_raw_control_in_string(std::string_view text, bool& nul_escape) {
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        if (!in_string) {
            if (c == '"') in_string = true;
            continue;
        }
        if (escaped) {
            escaped = false;
            if (c == 'u' && text.substr(i + 1, 4) == "0000") nul_escape = true;
        } else if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            in_string = false;
        } else if (byte < 0x20) {
            return true;
        }
    }
    return false;
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
    bool nul_escape = false;
    if (text.empty() || !is_valid_utf8(text) || has_raw_control_in_string(text, nul_escape)) throw invalid_json();

    Poco::JSON::ParseHandler::Ptr handler = new StrictHandler();
    Poco::JSON::Parser parser(handler);
    Poco::Dynamic::Var result;
    try {
        // Wrapped in [ ] because Poco's ParseHandler cannot hold a top-level scalar ("5" throws as
        // if unparseable); "[T]" is an array of exactly one element exactly when T is one JSON value.
        const auto wrapped = parser.parse("[" + std::string(text) + "]").extract<Poco::JSON::Array::Ptr>();
        if (wrapped->size() != 1) throw invalid_json();
        result = wrapped->get(0);
    } catch (const DuplicateKey&) {
        throw invalid_json();
    } catch (const NumberOutOfRange&) {
        throw invalid_json();
    } catch (const Poco::Exception&) {
        throw invalid_json();
    }
    // NUL checks come after parsing so that an unparseable body is invalid_json first.
    if (result.type() != typeid(Poco::JSON::Object::Ptr) || nul_escape) throw validation_failed({});
    return result.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr json_body(const Request& request) {
    require_json_content_type(request);
    return parse_json_object(request.body);
}

}  // namespace ltc::http
