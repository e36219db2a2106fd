#pragma once
// Consent documents (terms, privacy) with their current versions, and users' acceptances.
#include <string>
#include <vector>

#include <soci/soci.h>

namespace ltc::consent {

struct Document {
    std::string doc;
    std::string version;
    std::string url;
};

struct Acceptance {
    std::string doc;
    std::string version;
    std::string accepted_at;
    std::string source;
};

// The newest published version of each document.
std::vector<Document> current_documents(soci::session& sql);
std::vector<Acceptance> acceptances(soci::session& sql, const std::string& user_id);
// Current documents the user has not accepted (in their current version).
std::vector<Document> missing_documents(soci::session& sql, const std::string& user_id);
void accept(soci::session& sql, const std::string& user_id, const Document& document, const std::string& source);
// A new current version; false when this doc and version were published before. Runs inside a
// transaction (it locks the documents until commit).
bool publish_document(soci::session& sql, const Document& document);

}  // namespace ltc::consent
