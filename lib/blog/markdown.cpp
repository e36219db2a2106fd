#include "blog/markdown.hpp"

#include <cstdlib>
#include <memory>

#include <cmark.h>

namespace ltc::blog {

// cmark ≥ 0.29 is safe by default; CMARK_OPT_UNSAFE would turn that off and is never passed.
static_assert((CMARK_OPT_DEFAULT & CMARK_OPT_UNSAFE) == 0);

std::string render_markdown(const std::string& markdown) {
    const std::unique_ptr<char, decltype(&std::free)> html(
        cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8), &std::free);
    return html ? std::string(html.get()) : std::string();
}

}  // namespace ltc::blog
