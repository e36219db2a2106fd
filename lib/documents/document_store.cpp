#include "documents/document_store.hpp"

#include <regex>

#include "db/query.hpp"

namespace ltc::documents {

namespace {

const std::string document_columns =
    "d.id::text, d.vehicle_id::text, d.entry_id::text, d.filename, d.content_type, d.size_bytes, d.sha256,"
    " d.approval, d.scan, d.pii, d.deleted_at IS NOT NULL,"
    " to_char(d.uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    " v.owner_id::text, v.deleted_at IS NOT NULL,"
    " (extract(epoch FROM d.uploaded_at) * 1000000)::bigint::text || '_' || d.id::text"
    " FROM documents d JOIN vehicles v ON v.id = d.vehicle_id";

Document document_from(const db::Row& row) {
    Document document;
    document.id = row.text(0);
    document.vehicle_id = row.text(1);
    document.entry_id = row.optional_text(2);
    document.filename = row.text(3);
    document.content_type = row.text(4);
    document.size_bytes = row.integer(5);
    document.sha256 = row.text(6);
    // The table's CHECK constraints admit only known values.
    document.state.approval = parse_approval(row.text(7)).value_or(Approval::quarantined);
    document.state.scan = parse_scan(row.text(8)).value_or(Scan::pending);
    document.state.pii = parse_pii(row.text(9)).value_or(Pii::suspected);
    document.state.deleted = row.flag(10);
    document.uploaded_at = row.text(11);
    document.owner_id = row.text(12);
    document.vehicle_deleted = row.flag(13);
    document.cursor = row.text(14);
    return document;
}

std::vector<Document> documents_from(const db::Result& result) {
    std::vector<Document> documents;
    for (const db::Row row : result) documents.push_back(document_from(row));
    return documents;
}

}  // namespace

void insert_document(soci::session& sql, const NewDocument& document) {
    db::query(sql,
              "INSERT INTO documents (id, vehicle_id, entry_id, uploaded_by, filename, content_type, size_bytes, sha256)"
              " VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6, $7::bigint, $8)",
              {document.id, document.vehicle_id, document.entry_id, document.uploaded_by, document.filename,
               document.content_type, document.size_bytes, document.sha256});
}

std::optional<Document> load_document(soci::session& sql, const std::string& id) {
    // The Result owns the rows: it must outlive them.
    const db::Result result = db::query(sql, "SELECT " + document_columns + " WHERE d.id = $1::uuid", {id});
    const auto row = result.first();
    if (!row) return std::nullopt;
    return document_from(*row);
}

std::optional<Document> lock_document(soci::session& sql, const std::string& id) {
    const db::Result result = db::query(sql, "SELECT " + document_columns + " WHERE d.id = $1::uuid FOR UPDATE OF d", {id});
    const auto row = result.first();
    if (!row) return std::nullopt;
    return document_from(*row);
}

std::vector<Document> list_documents(soci::session& sql, const std::string& vehicle_id, bool include_deleted) {
    return documents_from(db::query(sql,
                                    "SELECT " + document_columns +
                                        " WHERE d.vehicle_id = $1::uuid AND ($2::boolean OR d.deleted_at IS NULL)"
                                        " ORDER BY d.uploaded_at, d.id",
                                    {vehicle_id, include_deleted}));
}

bool is_queue_cursor(const std::string& cursor) {
    static const std::regex pattern("^[0-9]{1,19}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    return std::regex_match(cursor, pattern);
}

std::vector<Document> review_queue(soci::session& sql, Approval approval, const std::optional<std::string>& after,
                                   long long limit) {
    // Two statements, not one with "$2 IS NULL OR …": the application's statements run on one
    // generic plan (docs/decisions.md), and only without the OR does it walk the queue's index
    // in order from the cursor.
    const std::string select = "SELECT " + document_columns + " WHERE d.approval = $1 AND d.deleted_at IS NULL";
    const std::string order = " ORDER BY d.uploaded_at, d.id LIMIT $2::bigint";
    const std::string approval_text(to_string(approval));
    if (!after) return documents_from(db::query(sql, select + order, {approval_text, limit}));
    const auto cut = after->find('_');
    return documents_from(db::query(
        sql,
        select + " AND (d.uploaded_at, d.id) > (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid)" +
            order,
        {approval_text, limit, after->substr(0, cut), after->substr(cut + 1)}));
}

long long count_quarantined(soci::session& sql) {
    return db::query(sql, "SELECT count(*) FROM documents WHERE approval = 'quarantined' AND deleted_at IS NULL")
        .first()
        ->integer(0);
}

void store_state(soci::session& sql, const std::string& id, const DocumentState& state,
                 const std::optional<std::string>& actor_id) {
    db::query(sql,
              "UPDATE documents SET"
              " reviewed_by = CASE WHEN approval <> $2 THEN $6::uuid ELSE reviewed_by END,"
              " reviewed_at = CASE WHEN approval <> $2 THEN now() ELSE reviewed_at END,"
              " pii_changed_at = CASE WHEN pii <> $4 THEN now() ELSE pii_changed_at END,"
              " deleted_by = CASE WHEN $5::boolean AND deleted_at IS NULL THEN $6::uuid ELSE deleted_by END,"
              " deleted_at = CASE WHEN $5::boolean THEN COALESCE(deleted_at, now()) ELSE NULL END,"
              " approval = $2, scan = $3, pii = $4"
              " WHERE id = $1::uuid",
              {id, std::string(to_string(state.approval)), std::string(to_string(state.scan)),
               std::string(to_string(state.pii)), state.deleted, actor_id});
}

void store_reject_reason(soci::session& sql, const std::string& id, const std::string& reason) {
    db::query(sql, "UPDATE documents SET reject_reason = $2 WHERE id = $1::uuid", {id, reason});
}

void store_pii_note(soci::session& sql, const std::string& id, const std::optional<std::string>& note) {
    db::query(sql, "UPDATE documents SET pii_note = $2 WHERE id = $1::uuid", {id, note});
}

void store_entry(soci::session& sql, const std::string& id, const std::optional<std::string>& entry_id) {
    db::query(sql, "UPDATE documents SET entry_id = $2::uuid WHERE id = $1::uuid", {id, entry_id});
}

namespace {
// A document that counts as evidence for its entry (PRODUCT.md §8), as a condition on `d`.
const std::string valid_evidence = "d.approval = 'approved' AND d.scan = 'clean' AND d.pii = 'ok'";
}  // namespace

db::Statement evidence_facts_statement(const std::string& vehicle_id) {
    return {"SELECT d.entry_id::text, " + valid_evidence + ", d.approval = 'quarantined', d.pii <> 'ok'"
            " FROM documents d WHERE d.vehicle_id = $1::uuid AND d.deleted_at IS NULL",
            {vehicle_id}};
}

EvidenceFacts evidence_facts(soci::session& sql, const std::string& vehicle_id) {
    return read_evidence_facts(db::query(sql, evidence_facts_statement(vehicle_id)));
}

EvidenceFacts read_evidence_facts(const db::Result& result) {
    EvidenceFacts facts;
    for (const db::Row row : result) {
        const auto entry_id = row.optional_text(0);
        if (entry_id && row.flag(1)) facts.entries_with_valid_evidence.insert(*entry_id);
        if (row.flag(2)) ++facts.documents.quarantined;
        if (row.flag(3)) facts.documents.pii_open = true;
    }
    return facts;
}

db::Statement entry_document_links_statement(const std::string& vehicle_id) {
    // A plain statement, kept prepared, instead of V014's PL/pgSQL wrapper (its result went through
    // a tuplestore; the wrapper only existed to keep a plan, which a kept statement does now).
    static const std::string text =
        "SELECT d.entry_id::text, d.id::text, " + valid_evidence +
        " FROM documents d WHERE d.vehicle_id = $1::uuid AND d.entry_id IS NOT NULL AND d.deleted_at IS NULL"
        " ORDER BY d.uploaded_at, d.id";
    return {text, {vehicle_id}};
}

std::vector<EntryDocumentLink> read_entry_document_links(const db::Result& result) {
    std::vector<EntryDocumentLink> links;
    for (const db::Row row : result) links.push_back({row.text(0), row.text(1), row.flag(2)});
    return links;
}

std::vector<EntryDocumentLink> entry_document_links(soci::session& sql, const std::string& vehicle_id) {
    return read_entry_document_links(db::query(sql, entry_document_links_statement(vehicle_id)));
}

std::optional<ScanCandidate> claim_scan(soci::session& sql) {
    const db::Result result = db::query(sql,
                                        "SELECT id::text, vehicle_id::text, scan_attempts FROM documents"
                                        " WHERE scan = 'pending' AND deleted_at IS NULL AND scan_next_at <= now()"
                                        " ORDER BY scan_next_at, id LIMIT 1 FOR UPDATE SKIP LOCKED");
    const auto row = result.first();
    if (!row) return std::nullopt;
    return ScanCandidate{row->text(0), row->text(1), static_cast<int>(row->integer(2))};
}

void postpone_scan(soci::session& sql, const std::string& id, int attempts) {
    db::query(sql,
              "UPDATE documents SET scan_attempts = $2::integer,"
              " scan_next_at = now() + least(interval '1 minute' * power(2, least($2::integer, 20)), interval '1 day')"
              " WHERE id = $1::uuid",
              {id, attempts + 1});
}

std::vector<std::pair<std::string, std::string>> delete_expired_confirmed_pii(soci::session& sql) {
    std::vector<std::pair<std::string, std::string>> deleted;
    const db::Result result = db::query(sql,
                                        "UPDATE documents SET deleted_at = now() WHERE pii = 'confirmed'"
                                        " AND deleted_at IS NULL AND pii_changed_at < now() - interval '30 days'"
                                        " RETURNING id::text, vehicle_id::text");
    for (const db::Row row : result) deleted.emplace_back(row.text(0), row.text(1));
    return deleted;
}

std::vector<std::string> files_due_for_removal(soci::session& sql, int retention_days) {
    std::vector<std::string> ids;
    const db::Result result = db::query(sql,
                                        "SELECT id::text FROM documents WHERE deleted_at IS NOT NULL"
                                        " AND file_purged_at IS NULL AND deleted_at < now() - interval '1 day' * $1::integer"
                                        " ORDER BY deleted_at",
                                        {retention_days});
    for (const db::Row row : result) ids.push_back(row.text(0));
    return ids;
}

void mark_file_removed(soci::session& sql, const std::string& id) {
    db::query(sql, "UPDATE documents SET file_purged_at = now() WHERE id = $1::uuid", {id});
}

}  // namespace ltc::documents
