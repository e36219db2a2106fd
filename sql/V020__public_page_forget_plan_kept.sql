-- public_page_forget runs on every write of a trust summary (the trigger on vehicle_trust, V015):
-- on every entry write. As a SQL-language function called from PL/pgSQL its UPDATE was parsed and
-- planned again in each transaction (~30 µs of the upsert's ~80 µs, pgbench on the bench
-- database); in PL/pgSQL the plan is kept for the connection's life. Same statement, same effect.
CREATE OR REPLACE FUNCTION public_page_forget(p_vehicle uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE public_links SET page = NULL, page_generation = page_generation + 1 WHERE vehicle_id = p_vehicle;
END
$$;
