-- The entry heads' trigger (V019) without its `SET search_path` clause: a function's SET saves,
-- changes and restores the setting on every call, and a changed search_path makes the next name
-- lookups recompute it — on every entry write (A/B on the running stack: PostgreSQL's CPU per
-- write ~4 % lower without it). It stays SECURITY DEFINER (the application role may not write
-- entry_heads itself) and stays safe from a caller's search_path: the one table it names is
-- qualified with its schema, operators and types come from pg_catalog (searched first when the
-- path does not name it), and the application role can create neither schemas nor temporary
-- tables (no CREATE or TEMP on the database, docs/deployment.md) to shadow anything.
CREATE OR REPLACE FUNCTION entry_head_follows_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    INSERT INTO public.entry_heads AS h (vehicle_id, entry_id, version, date, odometer_km, paper_book, category, deleted)
    VALUES (NEW.vehicle_id, NEW.entry_id, NEW.version, NEW.date, NEW.odometer_km, NEW.paper_book, NEW.category,
            NEW.deleted)
    ON CONFLICT (vehicle_id, entry_id) DO UPDATE
       SET version = EXCLUDED.version, date = EXCLUDED.date, odometer_km = EXCLUDED.odometer_km,
           paper_book = EXCLUDED.paper_book, category = EXCLUDED.category, deleted = EXCLUDED.deleted
     WHERE h.version < EXCLUDED.version;
    RETURN NULL;
END
$$;
