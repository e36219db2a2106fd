-- Role changes by admins (PRODUCT.md §4, API.md "Admin"): the reason an admin gives is free
-- text and may name people, so it stays out of audit_events.meta (no PII there) and is kept
-- here, linked to the ROLE_CHANGED audit row by request_id.
CREATE TABLE role_changes (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    changed_by  uuid NOT NULL REFERENCES users (id),
    from_role   text NOT NULL,
    to_role     text NOT NULL,
    reason      text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
    request_id  text,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX role_changes_user_idx ON role_changes (user_id, changed_at DESC);
