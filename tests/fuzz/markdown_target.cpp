// Fuzz target: Markdown rendering for blog and news. Properties: the HTML never holds a
// script, frame or style element (raw HTML is dropped), nor a javascript:/vbscript: link or an
// SVG data image.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "blog/markdown.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string markdown(reinterpret_cast<const char*>(data), size);
    std::string html = ltc::blog::render_markdown(markdown);
    std::transform(html.begin(), html.end(), html.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* forbidden : {"<script", "<iframe", "<object", "<embed", "<svg", "<style",
                                  "href=\"javascript:", "href=\"vbscript:", "src=\"javascript:", "src=\"data:image/svg",
                                  "href=\"data:"}) {
        if (html.find(forbidden) != std::string::npos) __builtin_trap();
    }
    return 0;
}
