#include "blog/article.hpp"

namespace ltc::blog {

bool is_article_type(const std::string& type) { return type == "blog" || type == "news"; }

bool is_editor_role(const std::string& role) {
    return role == "moderator" || role == "admin" || role == "superadmin";
}

bool is_valid_slug(const std::string& slug) {
    if (slug.empty() || slug.size() > max_slug_length) return false;
    bool after_hyphen = true;  // the start counts as one: no leading hyphen
    for (const char c : slug) {
        if (c == '-') {
            if (after_hyphen) return false;
            after_hyphen = true;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            after_hyphen = false;
        } else {
            return false;
        }
    }
    return !after_hyphen;
}

std::string state_after_edit(const std::string& state, const std::string& editor_role) {
    if (state == "in_review" && editor_role != "superadmin") return "draft";
    return state;
}

std::optional<std::string> edit_refusal(const std::string& state, const std::string& role) {
    if (state != "published" || role == "superadmin") return std::nullopt;
    return role == "admin" ? "superadmin_required" : "forbidden";
}

}  // namespace ltc::blog
