// The Markdown of an article never yields executable HTML (PRODUCT.md §13).
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "blog/markdown.hpp"

using ltc::blog::render_markdown;

BOOST_AUTO_TEST_SUITE(blog_markdown)

BOOST_AUTO_TEST_CASE(renders_ordinary_markdown) {
    BOOST_TEST(render_markdown("# Titel\n\n*kursiv* und [Link](https://example.org)") ==
               "<h1>Titel</h1>\n<p><em>kursiv</em> und <a href=\"https://example.org\">Link</a></p>\n");
}

BOOST_AUTO_TEST_CASE(raw_html_is_dropped) {
    for (const std::string markdown : {"<script>alert(1)</script>", "Text <script>alert(1)</script> Text",
                                       "<img src=x onerror=alert(1)>", "a <img src=x onerror=alert(1)> b",
                                       "<iframe src=\"https://example.org\"></iframe>"}) {
        BOOST_TEST_CONTEXT(markdown) {
            const std::string html = render_markdown(markdown);
            BOOST_TEST(html.find("<script") == std::string::npos);
            BOOST_TEST(html.find("<img") == std::string::npos);
            BOOST_TEST(html.find("<iframe") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(unsafe_links_lose_their_url) {
    for (const std::string markdown : {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "<javascript:alert(1)>",
                                       "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)",
                                       "![x](javascript:alert(1))"}) {
        BOOST_TEST_CONTEXT(markdown) {
            const std::string html = render_markdown(markdown);
            BOOST_TEST(html.find("href=\"javascript") == std::string::npos);
            BOOST_TEST(html.find("href=\"JavaScript") == std::string::npos);
            BOOST_TEST(html.find("href=\"data:") == std::string::npos);
            BOOST_TEST(html.find("href=\"vbscript") == std::string::npos);
            BOOST_TEST(html.find("src=\"javascript") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(text_is_escaped) {
    BOOST_TEST(render_markdown("`<script>` & \"x\"") == "<p><code>&lt;script&gt;</code> &amp; &quot;x&quot;</p>\n");
}

BOOST_AUTO_TEST_SUITE_END()
