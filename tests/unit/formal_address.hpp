#pragma once
// Finds the formal address ("Sie", "Ihr…", "Ihnen") in German text; the product says "du".
// Mid-sentence, a capitalised Sie/Ihr…/Ihnen is always the formal address. At a sentence start
// the capital says nothing, so the next word decides: "Sie haben" (a plural verb) is formal,
// "Sie ist keine Aussage" (the trust light) is not; "Ihr Fahrzeug" (a possessive before a noun)
// is formal, "Ihr bekommt" (the informal plural) is not; "Ihnen" always is.
#include <string>
#include <vector>

namespace ltc::test {

struct FormalHit {
    int line;          // 1-based
    std::string word;  // the word found
};

std::vector<FormalHit> find_formal_address(const std::string& text);

}  // namespace ltc::test
