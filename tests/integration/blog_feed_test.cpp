// The Atom feeds /blog/feed.xml and /news/feed.xml through nginx: well-formed XML (parsed
// with Poco's DOM parser), published articles only, titles escaped and read back unchanged.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/JSON/Object.h>

#include "blog_helpers.hpp"

using namespace ltc::test;

namespace {
constexpr char atom_namespace[] = "http://www.w3.org/2005/Atom";

struct Feed {
    std::set<std::string> titles;
    std::set<std::string> links;
};

std::string text_child(Poco::XML::Element* parent, const std::string& name) {
    Poco::XML::Element* child = parent->getChildElementNS(atom_namespace, name);
    return child ? child->innerText() : "";
}

// Parses the feed (throws on XML that is not well-formed) into its entries' titles and links.
Feed read_feed(const std::string& path) {
    const Reply reply = read_anonymously(path);
    BOOST_REQUIRE_MESSAGE(reply.status == 200, path << ": " << reply.status << " " << reply.body);
    BOOST_TEST(reply.header("Content-Type").starts_with("application/atom+xml"));
    Poco::XML::DOMParser parser;
    Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(reply.body);
    Poco::XML::Element* root = document->documentElement();
    BOOST_REQUIRE(root->localName() == "feed");
    BOOST_REQUIRE(root->namespaceURI() == atom_namespace);
    BOOST_TEST(!text_child(root, "updated").empty());
    Feed feed;
    Poco::AutoPtr<Poco::XML::NodeList> entries = root->getElementsByTagNameNS(atom_namespace, "entry");
    for (unsigned long i = 0; i < entries->length(); ++i) {
        auto* entry = static_cast<Poco::XML::Element*>(entries->item(i));
        feed.titles.insert(text_child(entry, "title"));
        feed.links.insert(entry->getChildElementNS(atom_namespace, "link")->getAttribute("href"));
    }
    return feed;
}

std::string title_body(const std::string& title) {
    Poco::JSON::Object object;
    object.set("title", title);
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(blog_feed)

BOOST_AUTO_TEST_CASE(feeds_are_well_formed_xml_listing_only_published_articles) {
    Admin super("superadmin", "feed-super");
    const std::string title = "Öl & Bremsen <geprüft> \"neu\" 'heute' ]]>";
    const std::string published_slug = unique_slug("im-feed");
    const std::string path = "/api/cms/blog/" + create_article(super, "blog", article_body(published_slug));
    BOOST_REQUIRE(super.send("PATCH", path, title_body(title)).status == 200);
    BOOST_REQUIRE(super.send("POST", path + "/submit").status == 200);
    super.step_up();
    BOOST_REQUIRE(super.send("POST", path + "/publish").status == 200);

    const std::string draft_slug = unique_slug("entwurf");
    create_article(super, "blog", article_body(draft_slug));
    const std::string review_slug = unique_slug("in-pruefung");
    const std::string in_review = "/api/cms/blog/" + create_article(super, "blog", article_body(review_slug));
    BOOST_REQUIRE(super.send("POST", in_review + "/submit").status == 200);

    const Feed blog = read_feed("/blog/feed.xml");
    BOOST_TEST(blog.titles.contains(title));
    BOOST_TEST(std::any_of(blog.links.begin(), blog.links.end(),
                           [&](const std::string& link) { return link.ends_with("/blog/" + published_slug); }));
    BOOST_TEST(!blog.titles.contains("Titel " + draft_slug));
    BOOST_TEST(!blog.titles.contains("Titel " + review_slug));

    const Feed news = read_feed("/news/feed.xml");
    BOOST_TEST(!news.titles.contains(title));
    BOOST_TEST(!news.titles.contains("Titel " + draft_slug));
}

BOOST_AUTO_TEST_SUITE_END()
