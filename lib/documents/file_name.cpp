#include "documents/file_name.hpp"

#include <cstdint>
#include <vector>

namespace ltc::documents {

namespace {

struct CodePoint {
    std::uint32_t value;
    std::string_view bytes;
};

// Decodes UTF-8, dropping every byte that does not start a valid, shortest-form sequence.
std::vector<CodePoint> decode(std::string_view text) {
    std::vector<CodePoint> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        std::uint32_t value = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            valid = (next & 0xC0) == 0x80;
            value = (value << 6) | (next & 0x3F);
        }
        static constexpr std::uint32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};
        valid = valid && value >= shortest[length] && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
        if (!valid) {
            ++i;
            continue;
        }
        out.push_back({value, text.substr(i, length)});
        i += length;
    }
    return out;
}

bool is_unwanted(std::uint32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||       // control characters
           (c >= 0x200B && c <= 0x200F) ||               // zero-width, LRM, RLM
           (c >= 0x202A && c <= 0x202E) ||               // bidi embeddings and overrides
           (c >= 0x2066 && c <= 0x2069) ||               // bidi isolates
           c == 0x061C || c == 0xFEFF;                   // Arabic letter mark, BOM
}

bool is_trimmed(std::uint32_t c) { return c == ' ' || c == '.'; }

std::string join(const std::vector<CodePoint>& points, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) out.append(points[i].bytes);
    return out;
}

}  // namespace

std::string sanitize_file_name(std::string_view raw, const std::string& fallback) {
    const auto slash = raw.find_last_of("/\\");
    if (slash != std::string_view::npos) raw.remove_prefix(slash + 1);

    std::vector<CodePoint> kept;
    for (const CodePoint& point : decode(raw)) {
        if (!is_unwanted(point.value)) kept.push_back(point);
    }
    std::size_t from = 0;
    std::size_t to = kept.size();
    while (from < to && is_trimmed(kept[from].value)) ++from;      // "..", ".hidden"
    while (to > from && kept[to - 1].value == ' ') --to;
    if (from == to) return fallback;

    if (to - from > max_file_name_code_points) {
        // Keep a short extension so the download still opens with the right program.
        std::size_t dot = to;
        for (std::size_t i = to; i > from && to - i < 10; --i) {
            if (kept[i - 1].value == '.') {
                dot = i - 1;
                break;
            }
        }
        const std::size_t tail = to - dot;
        std::size_t cut = from + max_file_name_code_points - tail;
        while (tail == 0 && cut > from && kept[cut - 1].value == ' ') --cut;  // no trailing space at the cut either
        return join(kept, from, cut) + join(kept, dot, to);
    }
    return join(kept, from, to);
}

}  // namespace ltc::documents
