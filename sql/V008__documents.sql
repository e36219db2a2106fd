-- Documents as evidence (PRODUCT.md §7, API.md "Documents"). The file lives in
-- LTC_STORAGE_DIR/files/<id>; this row is its only index. The original file name is sanitised
-- display metadata; the reject reason and the PII note are free text and stay here, never in
-- audit_events.meta. The application role gets SELECT/INSERT/UPDATE/DELETE through the default
-- privileges scripts/stack.sh (and docs/deployment.md) set for tables of the owner role.
CREATE TABLE documents (
    id              uuid PRIMARY KEY,
    vehicle_id      uuid NOT NULL REFERENCES vehicles (id),
    -- entry_versions has a composite key (entry_id, version): the store checks the entry.
    entry_id        uuid,
    uploaded_by     uuid NOT NULL REFERENCES users (id),
    filename        text NOT NULL CHECK (char_length(filename) BETWEEN 1 AND 200),
    content_type    text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes      bigint NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    approval        text NOT NULL DEFAULT 'quarantined' CHECK (approval IN ('quarantined', 'approved', 'rejected')),
    scan            text NOT NULL DEFAULT 'pending' CHECK (scan IN ('pending', 'clean', 'infected')),
    pii             text NOT NULL DEFAULT 'ok' CHECK (pii IN ('ok', 'suspected', 'confirmed')),
    pii_note        text CHECK (char_length(pii_note) <= 500),
    pii_changed_at  timestamptz,
    reject_reason   text CHECK (char_length(reject_reason) <= 500),
    reviewed_by     uuid REFERENCES users (id),
    reviewed_at     timestamptz,
    scan_attempts   integer NOT NULL DEFAULT 0,
    scan_next_at    timestamptz NOT NULL DEFAULT now(),
    uploaded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    deleted_at      timestamptz,
    deleted_by      uuid REFERENCES users (id),
    file_purged_at  timestamptz
);
CREATE INDEX documents_vehicle_idx ON documents (vehicle_id, uploaded_at, id);
CREATE INDEX documents_entry_idx ON documents (entry_id) WHERE deleted_at IS NULL;
-- The admin review queue, oldest first, with keyset paging on (uploaded_at, id).
CREATE INDEX documents_queue_idx ON documents (approval, uploaded_at, id) WHERE deleted_at IS NULL;
-- The scan job's work list.
CREATE INDEX documents_scan_idx ON documents (scan_next_at) WHERE scan = 'pending' AND deleted_at IS NULL;
-- The retention job's work list: deleted rows whose file is still on disk.
CREATE INDEX documents_purge_idx ON documents (deleted_at) WHERE deleted_at IS NOT NULL AND file_purged_at IS NULL;
