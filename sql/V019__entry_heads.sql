-- The latest version of each entry, kept beside the versions: what the trust light reads on
-- every entry write. trust_entry_rows (V016) sorted all of a vehicle's versions with DISTINCT ON
-- on every write — 1.0 ms for a vehicle with 1 200 entries, growing with each one; a range of
-- this table's primary key needs no sort and reads one row per entry.
-- Derived data: only the trigger writes it (as the schema owner), so it cannot drift from the
-- versions; the application role may read it.
CREATE TABLE entry_heads (
    vehicle_id uuid NOT NULL,
    entry_id uuid NOT NULL,
    version integer NOT NULL,
    date date NOT NULL,
    odometer_km integer NOT NULL,
    paper_book boolean NOT NULL,
    category text NOT NULL,
    deleted boolean NOT NULL
);

INSERT INTO entry_heads (vehicle_id, entry_id, version, date, odometer_km, paper_book, category, deleted)
SELECT DISTINCT ON (entry_id) vehicle_id, entry_id, version, date, odometer_km, paper_book, category, deleted
  FROM entry_versions
 ORDER BY entry_id, version DESC;

-- After the rows: one index build instead of an insert into it per row.
ALTER TABLE entry_heads ADD PRIMARY KEY (vehicle_id, entry_id);

-- A version is only ever added (entry_versions is append-only); the head moves to it when it is
-- newer than the one held.
CREATE FUNCTION entry_head_follows_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO entry_heads AS h (vehicle_id, entry_id, version, date, odometer_km, paper_book, category, deleted)
    VALUES (NEW.vehicle_id, NEW.entry_id, NEW.version, NEW.date, NEW.odometer_km, NEW.paper_book, NEW.category,
            NEW.deleted)
    ON CONFLICT (vehicle_id, entry_id) DO UPDATE
       SET version = EXCLUDED.version, date = EXCLUDED.date, odometer_km = EXCLUDED.odometer_km,
           paper_book = EXCLUDED.paper_book, category = EXCLUDED.category, deleted = EXCLUDED.deleted
     WHERE h.version < EXCLUDED.version;
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_heads_follow AFTER INSERT ON entry_versions
    FOR EACH ROW EXECUTE FUNCTION entry_head_follows_version();

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ltc_app') THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON entry_heads FROM ltc_app;
    END IF;
END
$$;

ANALYZE entry_heads;

-- What the trust light reads of a vehicle's entries (as trust_entry_rows, V016, which stays for
-- the release still running while this migrates): the latest, not deleted version of each entry,
-- the date as days since 1970-01-01 — to_char took two thirds of the call (0.25 of 0.35 ms for
-- 275 entries).
CREATE FUNCTION trust_entry_heads(p_vehicle uuid)
RETURNS TABLE (entry_id uuid, entry_day integer, odometer_km integer, paper_book boolean, category text)
LANGUAGE sql STABLE AS $$
    SELECT h.entry_id, h.date - DATE '1970-01-01', h.odometer_km, h.paper_book, h.category
      FROM entry_heads h
     WHERE h.vehicle_id = p_vehicle AND NOT h.deleted
$$;
