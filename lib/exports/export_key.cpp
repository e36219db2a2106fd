#include "exports/export_key.hpp"

#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>

namespace ltc::exports {

namespace {
constexpr int options = Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING;
}  // namespace

std::string to_base64url(std::string_view bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, options);
    encoder.rdbuf()->setLineLength(0);
    encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    encoder.close();
    return out.str();
}

std::optional<std::string> from_base64url(std::string_view text) {
    // Poco skips characters outside the alphabet; refuse them (and padding) ourselves.
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return std::nullopt;
    }
    if (text.size() % 4 == 1) return std::nullopt;
    try {
        std::istringstream in{std::string(text)};
        Poco::Base64Decoder decoder(in, options);
        return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

}  // namespace ltc::exports
