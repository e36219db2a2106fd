// Blog and news (issue 13, API.md "Blog and news") through nginx: the workflow across the
// three editor roles, who may do what, what readers see, slug rules and safe Markdown.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <sstream>
#include <thread>

#include "admin_helpers.hpp"
#include "blog_helpers.hpp"

using namespace ltc::test;

namespace {

// The editors of one test: a superadmin (who also promotes the moderator), an admin, a moderator.
struct Editors {
    Admin super{"superadmin", "blog-super"};
    Admin admin{"admin", "blog-admin"};
    Member moderator{super, "moderator", "blog-moderator"};
};

std::string field_code(const Reply& reply, const std::string& field) {
    const auto fields = reply.json()->getObject("error")->getObject("fields");
    return fields && fields->has(field) ? fields->getValue<std::string>(field) : "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(blog)

BOOST_AUTO_TEST_CASE(the_workflow_across_the_three_roles) {
    Editors editors;
    const std::string slug = unique_slug("workflow");
    const std::string path = "/api/cms/blog/" + create_article(editors.moderator, "blog", article_body(slug));

    const Reply listing = editors.moderator.send("GET", "/api/cms/blog?limit=100");
    BOOST_TEST(listing.body.find("\"" + slug + "\"") != std::string::npos);
    BOOST_TEST(read_anonymously("/api/blog/" + slug).status == 404);  // a draft is not there for readers

    // Not in review yet: neither review nor publish.
    BOOST_TEST(editors.admin.send("POST", path + "/review", R"({"note":"Passt"})").error_code() == "not_in_review");
    editors.super.step_up();
    BOOST_TEST(editors.super.send("POST", path + "/publish").error_code() == "review_required");

    const Reply submitted = editors.moderator.send("POST", path + "/submit");
    BOOST_TEST(submitted.status == 200);
    BOOST_TEST(text_of(submitted, "state") == "in_review");
    BOOST_TEST(read_anonymously("/api/blog/" + slug).status == 404);

    BOOST_TEST(editors.moderator.send("POST", path + "/review", R"({"note":"Passt"})").error_code() == "forbidden");
    const Reply reviewed = editors.admin.send("POST", path + "/review", R"({"note":"Passt so."})");
    BOOST_TEST(reviewed.status == 200);
    BOOST_TEST(text_of(reviewed, "state") == "in_review");
    BOOST_TEST(text_of(reviewed, "review_note") == "Passt so.");

    BOOST_TEST(editors.moderator.send("POST", path + "/publish").error_code() == "forbidden");
    BOOST_TEST(editors.admin.send("POST", path + "/publish").error_code() == "superadmin_required");
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'ARTICLE_PUBLISHED' AND result = 'denied'"
                          " AND actor_id = '" + editors.admin.session.user_id + "'") == 1);
    editors.super.step_up();
    const Reply published = editors.super.send("POST", path + "/publish");
    BOOST_REQUIRE_MESSAGE(published.status == 200, published.body);
    BOOST_TEST(text_of(published, "state") == "published");
    BOOST_TEST(!published.json()->isNull("published_at"));

    const Reply read = read_anonymously("/api/blog/" + slug);
    BOOST_TEST(read.status == 200);
    BOOST_TEST(text_of(read, "body_html") == "<h1>Hallo</h1>\n<p>Erster <em>Beitrag</em>.</p>\n");
    BOOST_TEST(!read.json()->has("body_md"));
    BOOST_TEST(read_anonymously("/api/blog?limit=100").body.find("\"" + slug + "\"") != std::string::npos);
    BOOST_TEST(read_anonymously("/api/news/" + slug).status == 404);

    // Published: read-only except for a superadmin.
    BOOST_TEST(editors.admin.send("PATCH", path, R"({"title":"Neu"})").error_code() == "superadmin_required");
    BOOST_TEST(editors.moderator.send("PATCH", path, R"({"title":"Neu"})").error_code() == "forbidden");
    const Reply corrected = editors.super.send("PATCH", path, R"({"body_md":"Korrigiert"})");
    BOOST_TEST(corrected.status == 200);
    BOOST_TEST(text_of(corrected, "state") == "published");
    BOOST_TEST(text_of(read_anonymously("/api/blog/" + slug), "body_html") == "<p>Korrigiert</p>\n");

    const std::string id = text_of(published, "id");
    for (const std::string action : {"ARTICLE_CREATED", "ARTICLE_SUBMITTED", "ARTICLE_REVIEWED", "ARTICLE_PUBLISHED",
                                     "ARTICLE_UPDATED"}) {
        BOOST_TEST_CONTEXT(action) {
            BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = '" + action +
                                  "' AND result = 'success' AND target_id = '" + id + "'") == 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(editing_an_article_in_review_sends_it_back_to_draft_except_for_a_superadmin) {
    Editors editors;
    const std::string path = "/api/cms/news/" + create_article(editors.moderator, "news", article_body(unique_slug("back")));
    BOOST_TEST(editors.moderator.send("POST", path + "/submit").status == 200);
    BOOST_TEST(text_of(editors.super.send("PATCH", path, R"({"title":"Vom Superadmin"})"), "state") == "in_review");
    BOOST_TEST(text_of(editors.moderator.send("PATCH", path, R"({"title":"Geändert"})"), "state") == "draft");
    BOOST_TEST(editors.admin.send("POST", path + "/submit").status == 200);
    BOOST_TEST(text_of(editors.admin.send("PATCH", path, R"({"excerpt":"Anders"})"), "state") == "draft");
}

BOOST_AUTO_TEST_CASE(only_editors_reach_the_cms_and_readers_need_no_session) {
    Admin super("superadmin", "blog-roles");
    Member user("blog-user");
    Member vip(super, "vip", "blog-vip");
    Member dealer(super, "dealer", "blog-dealer");
    for (Member* member : {&user, &vip, &dealer}) {
        BOOST_TEST(member->send("GET", "/api/cms/blog").error_code() == "forbidden");
        BOOST_TEST(member->send("POST", "/api/cms/news", article_body(unique_slug("nope"))).error_code() == "forbidden");
    }
    BOOST_TEST(read_anonymously("/api/cms/blog").error_code() == "unauthenticated");
    BOOST_TEST(super.send("GET", "/api/cms/podcast").status == 404);
    BOOST_TEST(super.send("PATCH", "/api/cms/blog/" + random_uuid(), R"({"title":"x"})").status == 404);
    BOOST_TEST(super.send("PATCH", "/api/cms/blog/kein-uuid", R"({"title":"x"})").status == 404);
    BOOST_TEST(read_anonymously("/api/blog").status == 200);
    BOOST_TEST(read_anonymously("/api/news").status == 200);
    BOOST_TEST(read_anonymously("/api/news/gibt-es-nicht").status == 404);
    BOOST_TEST(user.send("GET", "/api/blog").status == 200);
}

BOOST_AUTO_TEST_CASE(slug_rules) {
    Admin super("superadmin", "blog-slugs");
    for (const std::string slug : {"Gross", "mit leerzeichen", "-vorne", "hinten-", "doppel--strich", "umlaut-ä"}) {
        BOOST_TEST_CONTEXT(slug) {
            const Reply reply = super.send("POST", "/api/cms/blog", article_body(slug));
            BOOST_TEST(reply.error_code() == "validation_failed");
            BOOST_TEST(field_code(reply, "slug") == "invalid");
        }
    }
    BOOST_TEST(field_code(super.send("POST", "/api/cms/blog", article_body(std::string(81, 'a'))), "slug") == "too_long");
    BOOST_TEST(field_code(super.send("POST", "/api/cms/blog", R"({"title":"x","excerpt":"y","body_md":"z"})"), "slug") ==
               "required");

    const std::string slug = unique_slug("doppelt");
    const std::string first = create_article(super, "blog", article_body(slug));
    const Reply duplicate = super.send("POST", "/api/cms/blog", article_body(slug));
    BOOST_TEST(duplicate.status == 409);
    BOOST_TEST(duplicate.error_code() == "slug_taken");
    create_article(super, "news", article_body(slug));  // unique per type only

    const std::string other = create_article(super, "blog", article_body(unique_slug("anders")));
    BOOST_TEST(super.send("PATCH", "/api/cms/blog/" + other, R"({"slug":")" + slug + R"("})").error_code() == "slug_taken");
    BOOST_TEST(super.send("PATCH", "/api/cms/blog/" + first, R"({"slug":""})").error_code() == "validation_failed");
}

BOOST_AUTO_TEST_CASE(unsafe_markdown_never_comes_out_executable) {
    Admin super("superadmin", "blog-unsafe");
    const std::string markdown = "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> mehr\n\n"
                                 "[x](javascript:alert(1)) [y](data:text/html;base64,PHNjcmlwdD4=)";
    const std::string slug = unique_slug("unsicher");
    const std::string path = "/api/cms/blog/" + create_article(super, "blog", article_body(slug, markdown));
    BOOST_TEST(super.send("POST", path + "/submit").status == 200);
    super.step_up();
    BOOST_REQUIRE(super.send("POST", path + "/publish").status == 200);
    const std::string html = text_of(read_anonymously("/api/blog/" + slug), "body_html");
    BOOST_TEST(html.find("<script") == std::string::npos);
    BOOST_TEST(html.find("<img") == std::string::npos);
    BOOST_TEST(html.find("onerror") == std::string::npos);
    BOOST_TEST(html.find("javascript:") == std::string::npos);
    BOOST_TEST(html.find("data:") == std::string::npos);
    BOOST_TEST(html.find("mehr") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// Run by scripts/test.sh with LTC_STEP_UP_TTL_SECONDS=2 (see admin_step_up_test.cpp): a
// superadmin whose step-up has expired may not publish.
BOOST_AUTO_TEST_SUITE(blog_short_step_up, *boost::unit_test::label("short_step_up") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(publishing_needs_a_current_step_up) {
    Admin super("superadmin", "blog-step-up");
    const std::string path = "/api/cms/blog/" + create_article(super, "blog", article_body(unique_slug("stufe")));
    BOOST_TEST(super.send("POST", path + "/submit").status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    BOOST_TEST(super.send("POST", path + "/publish").error_code() == "step_up_required");
    super.step_up();
    BOOST_TEST(super.send("POST", path + "/publish").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
