#pragma once
// The editor's request bodies: {"slug","title","excerpt","body_md"} (all required and
// non-empty on create, any subset on PATCH) and the review's {"note"}.
#include <optional>
#include <string>

#include "blog/article.hpp"
#include "http/request.hpp"

namespace ltc::blog {

struct ArticleInput {
    std::optional<std::string> slug;
    std::optional<std::string> title;
    std::optional<std::string> excerpt;
    std::optional<std::string> body_md;
};

enum class InputMode { create, patch };

// 400 validation_failed with API.md's field codes; a slug outside the rule is `invalid`.
ArticleInput read_article_input(const http::Request& request, InputMode mode);

// The stored article with the input's fields applied (body_html not yet rendered).
Article apply_input(Article article, const ArticleInput& input);

std::string read_review_note(const http::Request& request);

}  // namespace ltc::blog
