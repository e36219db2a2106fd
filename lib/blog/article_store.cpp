#include "blog/article_store.hpp"

#include "db/query.hpp"
#include "db/rows.hpp"

namespace ltc::blog {

namespace {
const std::string select_columns =
    "SELECT id, type, slug, title, excerpt, body_md, body_html, state, review_note, " + db::iso_utc("created_at") +
    ", " + db::iso_utc("updated_at") + ", " + db::iso_utc("published_at") + " FROM articles";

Article from_row(const db::Row& row) {
    Article article;
    article.id = row.text(0);
    article.type = row.text(1);
    article.slug = row.text(2);
    article.title = row.text(3);
    article.excerpt = row.text(4);
    article.body_md = row.text(5);
    article.body_html = row.text(6);
    article.state = row.text(7);
    article.review_note = row.optional_text(8);
    article.created_at = row.text(9);
    article.updated_at = row.text(10);
    article.published_at = row.optional_text(11);
    return article;
}

std::optional<Article> first_article(const db::Result& result) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    return from_row(*row);
}

std::vector<Article> all_articles(const db::Result& result) {
    std::vector<Article> articles;
    for (const auto row : result) articles.push_back(from_row(row));
    return articles;
}
}  // namespace

std::vector<Article> list_published(soci::session& sql, const std::string& type, const db::Page& page) {
    return all_articles(db::query(sql,
                                  select_columns + " WHERE type = $1 AND state = 'published'"
                                                   " ORDER BY published_at DESC, id LIMIT $2::bigint OFFSET $3::bigint",
                                  {type, page.limit + 1, page.offset}));
}

std::optional<Article> load_published(soci::session& sql, const std::string& type, const std::string& slug) {
    return first_article(
        db::query(sql, select_columns + " WHERE type = $1 AND slug = $2 AND state = 'published'", {type, slug}));
}

std::vector<Article> list_all(soci::session& sql, const std::string& type, const db::Page& page) {
    return all_articles(db::query(
        sql, select_columns + " WHERE type = $1 ORDER BY updated_at DESC, id LIMIT $2::bigint OFFSET $3::bigint",
        {type, page.limit + 1, page.offset}));
}

std::optional<Article> load_article(soci::session& sql, const std::string& type, const std::string& id) {
    return first_article(db::query(sql, select_columns + " WHERE type = $1 AND id = $2::uuid", {type, id}));
}

std::optional<Article> lock_article(soci::session& sql, const std::string& type, const std::string& id) {
    return first_article(db::query(sql, select_columns + " WHERE type = $1 AND id = $2::uuid FOR UPDATE", {type, id}));
}

std::string insert_article(soci::session& sql, const Article& article, const std::string& author_id) {
    return db::query(sql,
                     "INSERT INTO articles (type, slug, title, excerpt, body_md, body_html, created_by)"
                     " VALUES ($1, $2, $3, $4, $5, $6, $7::uuid) RETURNING id",
                     {article.type, article.slug, article.title, article.excerpt, article.body_md, article.body_html,
                      author_id})
        .first()
        ->text(0);
}

void update_article(soci::session& sql, const Article& article) {
    db::query(sql,
              "UPDATE articles SET slug = $2, title = $3, excerpt = $4, body_md = $5, body_html = $6, state = $7,"
              " review_note = $8, updated_at = now(),"
              " published_at = CASE WHEN $7::text = 'published' THEN coalesce(published_at, now()) END"
              " WHERE id = $1::uuid",
              {article.id, article.slug, article.title, article.excerpt, article.body_md, article.body_html,
               article.state, article.review_note});
}

}  // namespace ltc::blog
