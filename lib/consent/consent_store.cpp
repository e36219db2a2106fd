#include "consent/consent_store.hpp"

namespace ltc::consent {

namespace {
constexpr const char* current_sql =
    "SELECT DISTINCT ON (doc) doc, version, url FROM consent_documents ORDER BY doc, published_at DESC, version DESC";

std::vector<Document> read_documents(soci::rowset<soci::row> rows) {
    std::vector<Document> documents;
    for (const auto& row : rows) {
        documents.push_back(Document{row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2)});
    }
    return documents;
}
}  // namespace

std::vector<Document> current_documents(soci::session& sql) {
    return read_documents(sql.prepare << current_sql);
}

std::vector<Acceptance> acceptances(soci::session& sql, const std::string& user_id) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT doc, version, to_char(accepted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                        " source FROM consent_acceptances WHERE user_id = CAST(:id AS uuid) ORDER BY accepted_at, doc",
         soci::use(user_id));
    std::vector<Acceptance> result;
    for (const auto& row : rows) {
        result.push_back(Acceptance{row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                                    row.get<std::string>(3)});
    }
    return result;
}

std::vector<Document> missing_documents(soci::session& sql, const std::string& user_id) {
    return read_documents(
        (sql.prepare << "SELECT c.doc, c.version, c.url FROM (" << current_sql << ") c"
                        " WHERE NOT EXISTS (SELECT 1 FROM consent_acceptances a WHERE a.user_id = CAST(:id AS uuid)"
                        " AND a.doc = c.doc AND a.version = c.version) ORDER BY c.doc",
         soci::use(user_id)));
}

void accept(soci::session& sql, const std::string& user_id, const Document& document, const std::string& source) {
    sql << "INSERT INTO consent_acceptances (user_id, doc, version, source) VALUES (CAST(:id AS uuid), :doc, :version,"
           " :source) ON CONFLICT DO NOTHING",
        soci::use(user_id), soci::use(document.doc), soci::use(document.version), soci::use(source);
}

}  // namespace ltc::consent
