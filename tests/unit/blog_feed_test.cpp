// The Atom feed text: escaping, the empty feed, entries in the given order with absolute links.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "blog/feed.hpp"

using namespace ltc::blog;

namespace {
Article published(const std::string& slug, const std::string& title, const std::string& at) {
    Article article;
    article.type = "news";
    article.slug = slug;
    article.title = title;
    article.excerpt = "Kurz";
    article.state = "published";
    article.updated_at = at;
    article.published_at = at;
    return article;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(blog_feed)

BOOST_AUTO_TEST_CASE(xml_escape_escapes_the_entities_and_drops_forbidden_controls) {
    BOOST_TEST(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
    BOOST_TEST(xml_escape(std::string("x\x01y\tz\n", 6)) == "xy\tz\n");
    BOOST_TEST(xml_escape("Öl") == "Öl");
}

BOOST_AUTO_TEST_CASE(an_empty_feed_still_has_its_head) {
    const std::string xml = atom_feed("blog", "https://example.test", {});
    BOOST_TEST(xml.find("<id>https://example.test/blog</id>") != std::string::npos);
    BOOST_TEST(xml.find("<updated>1970-01-01T00:00:00Z</updated>") != std::string::npos);
    BOOST_TEST(xml.find("href=\"https://example.test/blog/feed.xml\"") != std::string::npos);
    BOOST_TEST(xml.find("<entry>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(entries_come_in_order_with_escaped_titles_and_the_newest_date_on_top) {
    const std::string xml = atom_feed("news", "https://example.test",
                                      {published("neu", "A & <B>", "2026-12-02T10:00:00Z"),
                                       published("alt", "Alt", "2026-11-01T08:00:00Z")});
    BOOST_TEST(xml.find("<title>A &amp; &lt;B&gt;</title>") != std::string::npos);
    BOOST_TEST(xml.find("A & <B>") == std::string::npos);
    BOOST_TEST(xml.find("https://example.test/news/neu") < xml.find("https://example.test/news/alt"));
    BOOST_TEST(xml.find("<updated>2026-12-02T10:00:00Z</updated>") < xml.find("<entry>"));
}

BOOST_AUTO_TEST_SUITE_END()
