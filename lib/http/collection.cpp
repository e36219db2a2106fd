#include "http/collection.hpp"

#include <cstdlib>
#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include "http/api_error.hpp"

namespace ltc::http {

namespace {
std::optional<long long> parse_non_negative(const std::string& text) {
    if (text.empty() || text.size() > 12) return std::nullopt;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    return std::stoll(text);
}

std::optional<long long> decode_cursor(const std::string& cursor) {
    try {
        std::istringstream in(cursor);
        Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
        std::string decoded((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
        if (!decoded.starts_with("o:")) return std::nullopt;
        return parse_non_negative(decoded.substr(2));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}
}  // namespace

std::string encode_cursor(long long offset) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << "o:" << offset;
    encoder.close();
    return out.str();
}

void read_limit(const Request& request, long long& limit, FieldErrors& errors) {
    const auto text = request.query_param("limit");
    if (!text) return;
    const auto parsed = parse_non_negative(*text);
    if (!parsed) {
        errors["limit"] = "invalid";
    } else if (*parsed < 1 || *parsed > 100) {
        errors["limit"] = "out_of_range";
    } else {
        limit = *parsed;
    }
}

Page read_page(const Request& request) {
    Page page;
    FieldErrors errors;
    read_limit(request, page.limit, errors);
    if (const auto cursor = request.query_param("cursor")) {
        const auto offset = decode_cursor(*cursor);
        if (!offset) {
            errors["cursor"] = "invalid";
        } else {
            page.offset = *offset;
        }
    }
    if (!errors.empty()) throw validation_failed(errors);
    return page;
}

Poco::JSON::Object::Ptr page_json(Poco::JSON::Array::Ptr items, const Page& page) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    const bool more = static_cast<long long>(items->size()) > page.limit;
    if (more) items->remove(static_cast<unsigned>(page.limit));
    body->set("items", items);
    body->set("next_cursor", more ? Poco::Dynamic::Var(encode_cursor(page.offset + page.limit)) : Poco::Dynamic::Var());
    return body;
}

std::string page_text(std::size_t count, const Page& page,
                      const std::function<void(JsonWriter& writer, std::size_t index)>& write_item) {
    const bool more = static_cast<long long>(count) > page.limit;
    const std::size_t shown = more ? static_cast<std::size_t>(page.limit) : count;
    JsonWriter writer;
    writer.begin_object().key("items").begin_array();
    for (std::size_t i = 0; i < shown; ++i) write_item(writer, i);
    writer.end_array().key("next_cursor");
    if (more) {
        writer.value(encode_cursor(page.offset + page.limit));
    } else {
        writer.null();
    }
    return writer.end_object().take();
}

}  // namespace ltc::http
