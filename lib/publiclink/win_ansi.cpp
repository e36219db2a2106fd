#include "publiclink/win_ansi.hpp"

#include <optional>

namespace ltc::publiclink {

namespace {
// The code points Windows-1252 places at 0x80..0x9F (0 where it has none).
constexpr char32_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

char to_byte(char32_t code_point) {
    if (code_point == '\t' || code_point == '\n') return ' ';
    if (code_point >= 0x20 && code_point < 0x7F) return static_cast<char>(code_point);
    if (code_point >= 0xA0 && code_point <= 0xFF) return static_cast<char>(code_point);
    for (int i = 0; i < 32; ++i) {
        if (cp1252_high[i] != 0 && cp1252_high[i] == code_point) return static_cast<char>(0x80 + i);
    }
    return '?';
}

// The next code point of `text` from `pos` (advanced past it); nothing for a malformed sequence
// (then pos moves one byte on).
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || pos + static_cast<std::size_t>(length) > text.size()) {
        ++pos;
        return std::nullopt;
    }
    char32_t value = length == 1 ? lead : lead & (0x7F >> length);
    for (int i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[pos + static_cast<std::size_t>(i)]);
        if ((next & 0xC0) != 0x80) {
            ++pos;
            return std::nullopt;
        }
        value = (value << 6) | (next & 0x3F);
    }
    pos += static_cast<std::size_t>(length);
    return value;
}
}  // namespace

std::string to_win_ansi(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        const auto code_point = next_code_point(utf8, pos);
        out.push_back(code_point ? to_byte(*code_point) : '?');
    }
    return out;
}

}  // namespace ltc::publiclink
