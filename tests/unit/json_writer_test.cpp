// JsonWriter gives the same bytes as Poco's stringifier (what http::to_json sends) for the same
// document: every single byte below 0x80 as a string, UTF-8 text, numbers, null, nesting.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "http/json_writer.hpp"
#include "http/response.hpp"

using ltc::http::JsonWriter;

namespace {
std::string poco_string(const std::string& text) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array();
    array->add(text);
    return ltc::http::to_json(array);
}

std::string writer_string(const std::string& text) {
    JsonWriter writer;
    writer.begin_array().value(text).end_array();
    return writer.take();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(every_ascii_byte_is_escaped_as_poco_does) {
    for (int byte = 1; byte < 0x80; ++byte) {
        const std::string text = std::string("a") + static_cast<char>(byte) + "z";
        BOOST_TEST(writer_string(text) == poco_string(text), "byte " << byte);
    }
}

BOOST_AUTO_TEST_CASE(utf8_text_is_kept_as_poco_keeps_it) {
    for (const std::string text : {"Prüfung für Öl, Straße", "\xE2\x80\xA8 line separator", "emoji \xF0\x9F\x9A\x97",
                                   "\"quoted\" \\ back/slash", ""}) {
        BOOST_TEST(writer_string(text) == poco_string(text));
    }
}

BOOST_AUTO_TEST_CASE(a_nested_document_matches_poco_byte_for_byte) {
    Poco::JSON::Object::Ptr inner = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    inner->set("z", 1);
    inner->set("a", Poco::Dynamic::Var());
    Poco::JSON::Array::Ptr ids = new Poco::JSON::Array();
    ids->add(std::string("x"));
    ids->add(std::string("y"));
    Poco::JSON::Object::Ptr outer = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    outer->set("id", std::string("e1"));
    outer->set("km", static_cast<long long>(-1234567890123));
    outer->set("paper_book", true);
    outer->set("deleted", false);
    outer->set("empty", Poco::JSON::Array::Ptr(new Poco::JSON::Array()));
    outer->set("ids", ids);
    outer->set("inner", inner);
    outer->set("none", Poco::JSON::Object::Ptr(new Poco::JSON::Object()));

    JsonWriter writer;
    writer.begin_object()
        .key("id").value("e1")
        .key("km").value(-1234567890123LL)
        .key("paper_book").value(true)
        .key("deleted").value(false)
        .key("empty").begin_array().end_array()
        .key("ids").begin_array().value("x").value("y").end_array()
        .key("inner").begin_object().key("z").value(1).key("a").value(std::optional<std::string>()).end_object()
        .key("none").begin_object().end_object()
        .end_object();
    BOOST_TEST(writer.take() == ltc::http::to_json(outer));
}

BOOST_AUTO_TEST_SUITE_END()
