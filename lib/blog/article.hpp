#pragma once
// Articles of the blog and the news (PRODUCT.md §13) and the pure rules of their workflow:
// draft → in_review → published, reviewed by an admin, published by a superadmin.
#include <optional>
#include <string>

namespace ltc::blog {

struct Article {
    std::string id;
    std::string type;  // blog | news
    std::string slug;
    std::string title;
    std::string excerpt;
    std::string body_md;
    std::string body_html;
    std::string state;  // draft | in_review | published
    std::optional<std::string> review_note;
    std::string created_at;
    std::string updated_at;
    std::optional<std::string> published_at;
};

constexpr std::size_t max_slug_length = 80;

bool is_article_type(const std::string& type);
bool is_editor_role(const std::string& role);
// ^[a-z0-9]+(-[a-z0-9]+)*$ and at most 80 characters.
bool is_valid_slug(const std::string& slug);

// The state after an edit: a non-superadmin editing an article under review sends it back to
// draft (the review was of other text); everything else keeps its state.
std::string state_after_edit(const std::string& state, const std::string& editor_role);

// Why `role` may not edit an article in `state`: a published article is read-only except for a
// superadmin (an admin → superadmin_required, a moderator → forbidden); nullopt when it may.
std::optional<std::string> edit_refusal(const std::string& state, const std::string& role);

}  // namespace ltc::blog
