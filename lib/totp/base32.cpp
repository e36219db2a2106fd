#include "totp/base32.hpp"

#include <cstddef>
#include <cstdint>

namespace ltc::totp {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Value 0..31 of a base32 character (either case), or -1.
int value_of(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
}

}  // namespace

std::string base32_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char ch : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(ch);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.push_back(kAlphabet[(buffer >> bits) & 31u]);
        }
        buffer &= (1u << bits) - 1u;  // keep only the bits not yet written
    }
    if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31u]);
    return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
    // Padding: optional, but if any is present the padded text must be a whole number of
    // 8-character groups and the pad count must match the data length of the last group.
    std::size_t data_len = text.size();
    while (data_len > 0 && text[data_len - 1] == '=') --data_len;
    const std::size_t pad = text.size() - data_len;

    // Characters in the last group → valid (1, 3, 6 are impossible: they would leave a
    // partial byte of 5 or more bits).
    const std::size_t rest = data_len % 8;
    if (rest == 1 || rest == 3 || rest == 6) return std::nullopt;
    if (pad > 0) {
        if (text.size() % 8 != 0 || rest == 0 || pad != 8 - rest) return std::nullopt;
    }

    std::string out;
    out.reserve(data_len * 5 / 8);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < data_len; ++i) {
        const int v = value_of(text[i]);
        if (v < 0) return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFFu));
        }
        buffer &= (1u << bits) - 1u;
    }
    // Leftover bits (< 5) must be zero: otherwise two texts would decode to the same bytes.
    if (buffer != 0) return std::nullopt;
    return out;
}

}  // namespace ltc::totp
