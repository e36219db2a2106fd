#pragma once
// The JSON shapes of API.md "Blog and news": the editors' full article, the readers' summary
// (slug, title, excerpt, published_at) and the readers' article (summary + body_html).
#include <Poco/JSON/Object.h>

#include "blog/article.hpp"

namespace ltc::blog {

Poco::JSON::Object::Ptr article_json(const Article& article);
Poco::JSON::Object::Ptr summary_json(const Article& article);
Poco::JSON::Object::Ptr published_json(const Article& article);

}  // namespace ltc::blog
