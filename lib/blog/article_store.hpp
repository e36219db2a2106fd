#pragma once
// All SQL of the blog and news.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "blog/article.hpp"
#include "db/page.hpp"

namespace ltc::blog {

// Newest first; up to page.limit + 1 rows (the extra one tells of a next page).
std::vector<Article> list_published(soci::session& sql, const std::string& type, const db::Page& page);
std::optional<Article> load_published(soci::session& sql, const std::string& type, const std::string& slug);

// Every state, last edited first, for the editors.
std::vector<Article> list_all(soci::session& sql, const std::string& type, const db::Page& page);
std::optional<Article> load_article(soci::session& sql, const std::string& type, const std::string& id);
std::optional<Article> lock_article(soci::session& sql, const std::string& type, const std::string& id);

// A new draft; its id.
std::string insert_article(soci::session& sql, const Article& article, const std::string& author_id);
// Saves the editable fields and the state; published_at is set when the state becomes published.
void update_article(soci::session& sql, const Article& article);

}  // namespace ltc::blog
