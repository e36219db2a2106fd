// The pure rules of articles: slugs, who may edit, the state after an edit.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "blog/article.hpp"

using namespace ltc::blog;

BOOST_AUTO_TEST_SUITE(blog_article)

BOOST_AUTO_TEST_CASE(slugs) {
    for (const std::string& slug : std::initializer_list<std::string>{"a", "hallo-welt", "2026-neu", "x1-y2-z3", std::string(80, 'a')}) {
        BOOST_TEST_CONTEXT(slug) { BOOST_TEST(is_valid_slug(slug)); }
    }
    for (const std::string& slug : std::initializer_list<std::string>{"", "-a", "a-", "a--b", "Hallo", "a_b", "a b", "ä", "a/b", std::string(81, 'a')}) {
        BOOST_TEST_CONTEXT(slug) { BOOST_TEST(!is_valid_slug(slug)); }
    }
}

BOOST_AUTO_TEST_CASE(editors) {
    for (const std::string role : {"moderator", "admin", "superadmin"}) BOOST_TEST(is_editor_role(role));
    for (const std::string role : {"user", "vip", "dealer", ""}) BOOST_TEST(!is_editor_role(role));
}

BOOST_AUTO_TEST_CASE(editing_under_review_sends_back_to_draft_except_for_a_superadmin) {
    BOOST_TEST(state_after_edit("in_review", "moderator") == "draft");
    BOOST_TEST(state_after_edit("in_review", "admin") == "draft");
    BOOST_TEST(state_after_edit("in_review", "superadmin") == "in_review");
    BOOST_TEST(state_after_edit("draft", "moderator") == "draft");
    BOOST_TEST(state_after_edit("published", "superadmin") == "published");
}

BOOST_AUTO_TEST_CASE(published_articles_are_read_only_except_for_a_superadmin) {
    BOOST_TEST(edit_refusal("published", "admin").value_or("") == "superadmin_required");
    BOOST_TEST(edit_refusal("published", "moderator").value_or("") == "forbidden");
    BOOST_TEST(!edit_refusal("published", "superadmin"));
    BOOST_TEST(!edit_refusal("draft", "moderator"));
    BOOST_TEST(!edit_refusal("in_review", "admin"));
}

BOOST_AUTO_TEST_SUITE_END()
