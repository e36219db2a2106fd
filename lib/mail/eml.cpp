#include "mail/eml.hpp"

#include <algorithm>
#include <sstream>

#include <Poco/Base64Encoder.h>

namespace ltc::mail {

std::string encode_header_word(const std::string& text) {
    const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return text;
    std::ostringstream encoded;
    Poco::Base64Encoder encoder(encoded);
    encoder.rdbuf()->setLineLength(0);
    encoder << text;
    encoder.close();
    return "=?UTF-8?B?" + encoded.str() + "?=";
}

namespace {
// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks before 76 characters.
std::string quoted_printable(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    std::size_t line_length = 0;
    const auto put = [&](const std::string& piece) {
        if (line_length + piece.size() > 75) {
            out += "=\r\n";
            line_length = 0;
        }
        out += piece;
        line_length += piece.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            out += "\r\n";
            line_length = 0;
        } else if (byte == '\r') {
            continue;
        } else if ((byte >= 33 && byte <= 126 && byte != '=') ||
                   (byte == ' ' && i + 1 < text.size() && text[i + 1] != '\n')) {
            put(std::string(1, static_cast<char>(byte)));
        } else {
            put(std::string{'=', hex[byte >> 4], hex[byte & 0xF]});
        }
    }
    return out;
}
}  // namespace

std::string format_eml(const std::string& from, const std::string& to, const std::string& subject,
                       const std::string& body, const std::string& date_rfc2822, const std::string& message_id) {
    return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + encode_header_word(subject) + "\r\nDate: " +
           date_rfc2822 + "\r\nMessage-ID: <" + message_id +
           ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
           quoted_printable(body) + "\r\n";
}

}  // namespace ltc::mail
