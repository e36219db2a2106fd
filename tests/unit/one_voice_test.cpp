// One voice: pages, scripts, API messages, mails and the owners' docs say "du", never "Sie".
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "formal_address.hpp"

using ltc::test::find_formal_address;

namespace {
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    for (const auto& hit : find_formal_address(text)) words.push_back(hit.word);
    return words;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::filesystem::path repository_root() {
    const char* root = std::getenv("LTC_ROOT");
    return root && *root ? root : ".";
}

// Every file whose texts reach a user: the web pages and their scripts, the API's messages and
// mails (lib, app), the owners' docs.
std::vector<std::filesystem::path> user_facing_files() {
    const auto root = repository_root();
    const std::vector<std::pair<std::string, std::set<std::string>>> trees = {
        {"nginx/www", {".html", ".js"}}, {"nginx/legal", {".html"}}, {"lib", {".cpp", ".hpp"}}, {"app", {".cpp", ".hpp"}}};
    std::vector<std::filesystem::path> files = {root / "docs/fahrzeug-uebergeben.md", root / "docs/trust-light.md"};
    for (const auto& [tree, extensions] : trees) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root / tree)) {
            if (entry.is_regular_file() && extensions.contains(entry.path().extension().string())) {
                files.push_back(entry.path());
            }
        }
    }
    return files;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(one_voice)

BOOST_AUTO_TEST_CASE(formal_address_mid_sentence_is_found_with_its_line) {
    const auto hits = find_formal_address("Hallo.\nBitte geben Sie Ihre Adresse ein, wir senden Ihnen\neinen Code.");
    BOOST_REQUIRE_EQUAL(hits.size(), 3u);
    BOOST_TEST(hits[0].word == "Sie");
    BOOST_TEST(hits[0].line == 2);
    BOOST_TEST(hits[1].word == "Ihre");
    BOOST_TEST(hits[2].word == "Ihnen");
}

BOOST_AUTO_TEST_CASE(formal_address_at_a_sentence_start_is_decided_by_the_next_word) {
    BOOST_TEST(words_of("Sie haben noch kein Fahrzeug.") == std::vector<std::string>{"Sie"});
    BOOST_TEST(words_of("<p>Ihr Konto ist angelegt.</p>") == std::vector<std::string>{"Ihr"});
    BOOST_TEST(words_of("'Ihnen fehlt die Berechtigung.'") == std::vector<std::string>{"Ihnen"});
    BOOST_TEST(words_of("„Sie können jetzt …“") == std::vector<std::string>{"Sie"});
}

BOOST_AUTO_TEST_CASE(third_person_and_informal_plural_are_not_formal_address) {
    BOOST_TEST(words_of("Die Trust-Ampel bewertet Nachweise. Sie ist keine Aussage über den Zustand.").empty());
    BOOST_TEST(words_of("Das Fahrzeug gehört dem Käufer. Ihr bekommt beide eine E-Mail.").empty());
    BOOST_TEST(words_of("Bitte gib deine Adresse ein; sie wird nie angezeigt. Ihrerseits nichts.").empty());
}

BOOST_AUTO_TEST_CASE(pages_scripts_messages_mails_and_docs_say_du) {
    const auto files = user_facing_files();
    BOOST_TEST(files.size() > 50u, "the scan found only " << files.size() << " files under " << repository_root());
    for (const auto& file : files) {
        for (const auto& hit : find_formal_address(read_file(file))) {
            BOOST_ERROR(file.string() << ":" << hit.line << ": formal address \"" << hit.word << "\" (the product says du)");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
