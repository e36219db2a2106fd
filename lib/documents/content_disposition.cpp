#include "documents/content_disposition.hpp"

#include <string_view>

namespace ltc::documents {

namespace {
bool is_attr_char(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}
}  // namespace

std::string content_disposition(const std::string& filename) {
    static const char* hex = "0123456789ABCDEF";
    std::string fallback;
    std::string encoded;
    for (const char byte : filename) {
        const auto c = static_cast<unsigned char>(byte);
        fallback.push_back(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? byte : '_');
        if (is_attr_char(c)) {
            encoded.push_back(byte);
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 0xF];
        }
    }
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace ltc::documents
