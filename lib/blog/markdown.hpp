#pragma once
// Markdown → HTML with cmark in its safe mode: raw HTML is dropped and javascript:, vbscript:,
// file: and data: links (data: images of PNG/GIF/JPEG/WebP aside) lose their URL, so no
// script can reach a published page. Called once per save; readers get the stored result.
#include <string>

namespace ltc::blog {

std::string render_markdown(const std::string& markdown);

}  // namespace ltc::blog
