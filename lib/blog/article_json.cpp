#include "blog/article_json.hpp"

namespace ltc::blog {

namespace {
Poco::Dynamic::Var nullable(const std::optional<std::string>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr ordered_object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }
}  // namespace

Poco::JSON::Object::Ptr article_json(const Article& article) {
    Poco::JSON::Object::Ptr json = ordered_object();
    json->set("id", article.id);
    json->set("type", article.type);
    json->set("slug", article.slug);
    json->set("title", article.title);
    json->set("excerpt", article.excerpt);
    json->set("body_md", article.body_md);
    json->set("body_html", article.body_html);
    json->set("state", article.state);
    json->set("review_note", nullable(article.review_note));
    json->set("created_at", article.created_at);
    json->set("updated_at", article.updated_at);
    json->set("published_at", nullable(article.published_at));
    return json;
}

Poco::JSON::Object::Ptr summary_json(const Article& article) {
    Poco::JSON::Object::Ptr json = ordered_object();
    json->set("slug", article.slug);
    json->set("title", article.title);
    json->set("excerpt", article.excerpt);
    json->set("published_at", nullable(article.published_at));
    return json;
}

Poco::JSON::Object::Ptr published_json(const Article& article) {
    Poco::JSON::Object::Ptr json = summary_json(article);
    json->set("body_html", article.body_html);
    return json;
}

}  // namespace ltc::blog
