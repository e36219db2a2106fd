#pragma once
// All SQL of the documents table (sql/V008__documents.sql), through db::query.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "db/query.hpp"
#include "documents/document_state.hpp"
#include "trust/trust_light.hpp"

namespace ltc::documents {

struct Document {
    std::string id;
    std::string vehicle_id;
    std::optional<std::string> entry_id;
    std::string filename;
    std::string content_type;
    long long size_bytes = 0;
    std::string sha256;
    DocumentState state;
    std::string uploaded_at;   // ISO 8601 UTC
    std::string owner_id;      // the vehicle's owner
    bool vehicle_deleted = false;
    std::string cursor;        // keyset position in the review queue
};

struct NewDocument {
    std::string id;
    std::string vehicle_id;
    std::optional<std::string> entry_id;
    std::string uploaded_by;
    std::string filename;
    std::string content_type;
    long long size_bytes = 0;
    std::string sha256;
};

void insert_document(soci::session& sql, const NewDocument& document);
std::optional<Document> load_document(soci::session& sql, const std::string& id);
// As load_document, and locks the row until the transaction ends.
std::optional<Document> lock_document(soci::session& sql, const std::string& id);
// Oldest first; deleted ones only when asked.
std::vector<Document> list_documents(soci::session& sql, const std::string& vehicle_id, bool include_deleted);

// Not deleted documents with the given approval, oldest first, after the keyset cursor
// ("<epoch microseconds>_<id>"); up to limit rows.
std::vector<Document> review_queue(soci::session& sql, Approval approval, const std::optional<std::string>& after,
                                   long long limit);
bool is_queue_cursor(const std::string& cursor);
long long count_quarantined(soci::session& sql);

// Writes a state the transition function produced; `actor_id` is recorded as the reviewer for
// approval changes and as the deleter for a deletion.
void store_state(soci::session& sql, const std::string& id, const DocumentState& state,
                 const std::optional<std::string>& actor_id);
void store_reject_reason(soci::session& sql, const std::string& id, const std::string& reason);
void store_pii_note(soci::session& sql, const std::string& id, const std::optional<std::string>& note);
void store_entry(soci::session& sql, const std::string& id, const std::optional<std::string>& entry_id);

// What the trust light needs from the documents of one vehicle (PRODUCT.md §8).
struct EvidenceFacts {
    std::set<std::string> entries_with_valid_evidence;
    trust::DocumentFacts documents;
};
EvidenceFacts evidence_facts(soci::session& sql, const std::string& vehicle_id);
// evidence_facts in two parts, for sending it along with other reads (db::query_all).
db::Statement evidence_facts_statement(const std::string& vehicle_id);
EvidenceFacts read_evidence_facts(const db::Result& result);

// The vehicle's documents attached to entries (not deleted, oldest first, whatever their state),
// each with whether it is valid evidence: one statement.
struct EntryDocumentLink {
    std::string entry_id;
    std::string document_id;
    bool valid_evidence = false;
};
std::vector<EntryDocumentLink> entry_document_links(soci::session& sql, const std::string& vehicle_id);
// entry_document_links in two parts, for an early read (auth::early_read).
db::Statement entry_document_links_statement(const std::string& vehicle_id);
std::vector<EntryDocumentLink> read_entry_document_links(const db::Result& result);

// The scan job: pending, not deleted documents whose next attempt is due, locked for this
// transaction (SKIP LOCKED lets several jobs share the work).
struct ScanCandidate {
    std::string id;
    std::string vehicle_id;
    int attempts = 0;
};
std::optional<ScanCandidate> claim_scan(soci::session& sql);
// Leaves the document pending and puts the next attempt off (exponential backoff, at most a day).
void postpone_scan(soci::session& sql, const std::string& id, int attempts);

// Retention: soft-deletes documents whose PII was confirmed more than 30 days ago (returns
// their vehicles), and lists deleted documents whose file is due for removal.
std::vector<std::pair<std::string, std::string>> delete_expired_confirmed_pii(soci::session& sql);
std::vector<std::string> files_due_for_removal(soci::session& sql, int retention_days);
void mark_file_removed(soci::session& sql, const std::string& id);

}  // namespace ltc::documents
