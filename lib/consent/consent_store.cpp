#include "consent/consent_store.hpp"

#include "db/query.hpp"
#include "db/rows.hpp"

namespace ltc::consent {

namespace {
std::vector<Document> read_documents(const db::Result& rows) {
    std::vector<Document> documents;
    for (const auto row : rows) documents.push_back(Document{row.text(0), row.text(1), row.text(2)});
    return documents;
}
}  // namespace

// The view and the function: sql/V018__consent_generation.sql.
std::vector<Document> current_documents(soci::session& sql) {
    return read_documents(db::query(sql, "SELECT doc, version, url FROM current_consent_documents ORDER BY doc"));
}

std::vector<Acceptance> acceptances(soci::session& sql, const std::string& user_id) {
    const auto rows = db::query(sql,
                                "SELECT doc, version, " + db::iso_utc("accepted_at") +
                                    ", source FROM consent_acceptances WHERE user_id = $1::uuid ORDER BY accepted_at, doc",
                                {user_id});
    std::vector<Acceptance> result;
    for (const auto row : rows) result.push_back(Acceptance{row.text(0), row.text(1), row.text(2), row.text(3)});
    return result;
}

std::vector<Document> missing_documents(soci::session& sql, const std::string& user_id) {
    return read_documents(db::query(sql, "SELECT doc, version, url FROM consent_missing($1::uuid) ORDER BY doc", {user_id}));
}

void accept(soci::session& sql, const std::string& user_id, const Document& document, const std::string& source) {
    db::query(sql,
              "INSERT INTO consent_acceptances (user_id, doc, version, source) VALUES ($1::uuid, $2, $3, $4)"
              " ON CONFLICT DO NOTHING",
              {user_id, document.doc, document.version, source});
}

bool publish_document(soci::session& sql, const Document& document) {
    // One publication at a time, so that their generations (sql/V018) commit in order.
    db::query(sql, "LOCK TABLE consent_documents IN SHARE ROW EXCLUSIVE MODE");
    // Current is the newest published_at: never earlier than the present current version.
    return db::query(sql,
                     "INSERT INTO consent_documents (doc, version, url, published_at) SELECT $1, $2, $3,"
                     " GREATEST(now(), COALESCE(max(published_at) + interval '1 millisecond', now()))"
                     " FROM consent_documents WHERE doc = $1 ON CONFLICT DO NOTHING",
                     {document.doc, document.version, document.url})
               .affected() == 1;
}

}  // namespace ltc::consent
