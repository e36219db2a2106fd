-- The audit trail and the entry versions are append-only by grant, not only by trigger: the
-- application role may insert and read them, never change or remove a row.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ltc_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, entry_versions FROM ltc_app;
    END IF;
END
$$;
