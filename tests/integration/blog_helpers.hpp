#pragma once
// Shared steps of the blog and news tests: article bodies, creating, reading as a reader.
#include <string>

#include <boost/test/unit_test.hpp>

#include "admin_helpers.hpp"

namespace ltc::test {

std::string unique_slug(const std::string& prefix);

// The JSON body of a new article: the slug, "Titel <slug>", an excerpt and `body_md`.
std::string article_body(const std::string& slug, const std::string& body_md = "# Hallo\n\nErster *Beitrag*.");

std::string text_of(const Reply& reply, const std::string& name);

// GET `path` without a session.
Reply read_anonymously(const std::string& path);

// POST /api/cms/{type} by `editor`; fails the test unless 201; the new article's id.
template <typename Editor>
std::string create_article(Editor& editor, const std::string& type, const std::string& body) {
    const Reply reply = editor.send("POST", "/api/cms/" + type, body);
    BOOST_REQUIRE_MESSAGE(reply.status == 201, reply.body);
    return text_of(reply, "id");
}

}  // namespace ltc::test
