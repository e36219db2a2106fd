#pragma once
// The Atom feed (RFC 4287) of one article type: /blog/feed.xml, /news/feed.xml. Built from
// published articles only; every text is escaped, so a title can never break the XML.
#include <string>
#include <vector>

#include "blog/article.hpp"

namespace ltc::blog {

// The five XML entities escaped; characters XML 1.0 forbids (controls other than tab, line
// feed and carriage return) are dropped.
std::string xml_escape(const std::string& text);

// `base_url` is the site's public origin (LTC_PUBLIC_BASE_URL); `articles` newest first.
std::string atom_feed(const std::string& type, const std::string& base_url, const std::vector<Article>& articles);

}  // namespace ltc::blog
