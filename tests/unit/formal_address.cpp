#include "formal_address.hpp"

#include <set>

namespace ltc::test {

namespace {
const std::set<std::string> formal_words = {"Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Ihnen"};

// The length of the letter at `i`: 1 for an ASCII letter, 2 for a Latin-1 letter in UTF-8
// (ä, ö, ü, ß, é …: C3 xx), 0 for anything else (typographic quotes and dashes included).
std::size_t letter_length(const std::string& text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 1;
    if (c == 0xC3 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) return 2;
    return 0;
}

std::size_t word_end(const std::string& text, std::size_t i) {
    while (i < text.size()) {
        const std::size_t length = letter_length(text, i);
        if (length == 0) break;
        i += length;
    }
    return i;
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The previous visible character ends a sentence, a tag, a quote or a list marker.
bool at_sentence_start(const std::string& text, std::size_t begin) {
    std::size_t i = begin;
    while (i > 0 && is_space(text[i - 1])) --i;
    if (i == 0) return true;
    const char before = text[i - 1];
    if (std::string(".!?:;>'\"`(*").find(before) != std::string::npos) return true;
    // „ and “ (U+201E, U+201C) end in 0x9E and 0x9C after E2 80.
    return i >= 3 && static_cast<unsigned char>(text[i - 3]) == 0xE2 &&
           static_cast<unsigned char>(text[i - 2]) == 0x80 &&
           (static_cast<unsigned char>(text[i - 1]) == 0x9E || static_cast<unsigned char>(text[i - 1]) == 0x9C);
}

// The word after `end` (separated by white space only), or "" when something else follows.
std::string next_word(const std::string& text, std::size_t end) {
    std::size_t i = end;
    while (i < text.size() && is_space(text[i])) ++i;
    return text.substr(i, word_end(text, i) - i);
}

bool starts_lower(const std::string& word) {
    if (word.empty()) return false;
    const auto first = static_cast<unsigned char>(word[0]);
    if (first >= 'a' && first <= 'z') return true;
    // ä ö ü ß as the first letter (C3 A4, C3 B6, C3 BC, C3 9F).
    if (first != 0xC3 || word.size() < 2) return false;
    const auto second = static_cast<unsigned char>(word[1]);
    return second == 0xA4 || second == 0xB6 || second == 0xBC || second == 0x9F;
}

bool starts_upper(const std::string& word) { return !word.empty() && !starts_lower(word); }

bool formal_at_sentence_start(const std::string& word, const std::string& following) {
    if (word == "Ihnen") return true;
    if (word == "Sie") return starts_lower(following) && following.ends_with("en");
    return starts_upper(following);
}
}  // namespace

std::vector<FormalHit> find_formal_address(const std::string& text) {
    std::vector<FormalHit> hits;
    int line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        if (letter_length(text, i) == 0) {
            if (text[i] == '\n') ++line;
            ++i;
            continue;
        }
        const std::size_t end = word_end(text, i);
        const std::string word = text.substr(i, end - i);
        if (formal_words.contains(word) &&
            (!at_sentence_start(text, i) || formal_at_sentence_start(word, next_word(text, end)))) {
            hits.push_back({line, word});
        }
        i = end;
    }
    return hits;
}

}  // namespace ltc::test
