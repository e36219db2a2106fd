#include "blog/article_input.hpp"

#include "http/json_body.hpp"
#include "http/json_fields.hpp"

namespace ltc::blog {

namespace {
constexpr std::size_t max_title = 200;
constexpr std::size_t max_excerpt = 500;
constexpr std::size_t max_body = 50000;  // below the 64 KiB body limit with room for the rest
constexpr std::size_t max_note = 2000;

std::optional<std::string> read_string(http::FieldReader& fields, const std::string& name, std::size_t limit,
                                       InputMode mode) {
    if (mode == InputMode::create) return fields.required_string(name, limit);
    auto value = fields.optional_string(name, limit);
    if (value && value->empty()) fields.fail(name, "required");  // every field stays filled
    return value;
}
}  // namespace

ArticleInput read_article_input(const http::Request& request, InputMode mode) {
    http::FieldReader fields(http::json_body(request), {"slug", "title", "excerpt", "body_md"});
    ArticleInput input;
    // The slug rule needs more than its length: too_long only for an otherwise valid slug.
    input.slug = read_string(fields, "slug", 10 * max_slug_length, mode);
    if (input.slug && !input.slug->empty()) {
        if (input.slug->size() > max_slug_length) {
            fields.fail("slug", "too_long");
        } else if (!is_valid_slug(*input.slug)) {
            fields.fail("slug", "invalid");
        }
    }
    input.title = read_string(fields, "title", max_title, mode);
    input.excerpt = read_string(fields, "excerpt", max_excerpt, mode);
    input.body_md = read_string(fields, "body_md", max_body, mode);
    fields.finish();
    return input;
}

Article apply_input(Article article, const ArticleInput& input) {
    if (input.slug) article.slug = *input.slug;
    if (input.title) article.title = *input.title;
    if (input.excerpt) article.excerpt = *input.excerpt;
    if (input.body_md) article.body_md = *input.body_md;
    return article;
}

std::string read_review_note(const http::Request& request) {
    http::FieldReader fields(http::json_body(request), {"note"});
    const std::string note = fields.required_string("note", max_note);
    fields.finish();
    return note;
}

}  // namespace ltc::blog
