// nginx's delivery of the static web: compression (static assets yes, API answers never: BREACH),
// versioned asset URLs with long cache lifetimes, and the operator's legal texts in their pages.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <regex>
#include <string>

#include "sign_in_helpers.hpp"
#include "stack_client.hpp"

using namespace ltc::test;

namespace {
const httplib::Headers gzip_accepted = {{"Accept-Encoding", "gzip"}};

// The ?v= of the stylesheet link in a page, as nginx rendered it.
std::string stylesheet_url(const std::string& page) {
    std::smatch match;
    const std::regex link(R"re(href="(/css/app\.css\?v=[^"]+)")re");
    return std::regex_search(page, match, link) ? match[1].str() : std::string{};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(static_delivery)

BOOST_AUTO_TEST_CASE(pages_name_assets_with_the_release_and_those_are_cached_for_a_year) {
    StackClient client;
    const Reply page = client.get("/");
    BOOST_REQUIRE(page.status == 200);
    BOOST_TEST(page.body.find("<!--#") == std::string::npos);
    const std::string versioned = stylesheet_url(page.body);
    BOOST_REQUIRE(!versioned.empty());
    const Reply asset = client.get(versioned);
    BOOST_TEST(asset.status == 200);
    BOOST_TEST(asset.header("Cache-Control") == "public, max-age=31536000, immutable");
    // Without the version (e.g. a module imported by another) the client revalidates.
    BOOST_TEST(client.get("/css/app.css").header("Cache-Control") == "no-cache");
}

BOOST_AUTO_TEST_CASE(static_css_and_js_are_compressed_api_answers_never) {
    StackClient client(fresh_source_ip());  // the public read's per-address limit, not shared
    BOOST_TEST(client.get("/css/app.css", gzip_accepted).header("Content-Encoding") == "gzip");
    BOOST_TEST(client.get("/js/api.js", gzip_accepted).header("Content-Encoding") == "gzip");
    // A JSON answer well above gzip's minimum length: the demo vehicle's public read.
    std::string url = read_file(var_dir() + "/demo-public-url");
    while (!url.empty() && url.back() == '\n') url.pop_back();
    const std::string token = url.substr(url.rfind('/') + 1);
    const Reply api = client.get("/api/public/qr/" + token, gzip_accepted);
    BOOST_REQUIRE(api.status == 200);
    BOOST_TEST(api.body.size() > 512U);
    BOOST_TEST(api.header("Content-Encoding").empty());
}

BOOST_AUTO_TEST_CASE(legal_pages_show_the_operators_text_with_the_placeholder_marked) {
    StackClient client;
    for (const std::string page : {"impressum", "datenschutz", "agb", "cookies"}) {
        BOOST_TEST_CONTEXT(page) {
            const Reply reply = client.get("/" + page);
            BOOST_TEST(reply.status == 200);
            BOOST_TEST(reply.body.find("placeholder-note") != std::string::npos);
            BOOST_TEST(reply.body.find("<!--#") == std::string::npos);
            BOOST_TEST(client.get("/_legal/" + page + ".html").status == 404);  // only through its page
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
