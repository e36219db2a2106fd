-- The public answer of a link, rendered once and kept beside its token (issue 11: the public
-- read at the speed of the one-query health check): a read is one probe of the token index
-- returning one text column, sent as it is.
-- Triggers forget the page whenever something it was rendered from changes — the stored trust
-- summary (every change of entries, documents, accident status or vehicle facts refreshes it)
-- and the vehicle's deletion — so no code path can forget to; the next read renders it again.
-- page_generation counts those changes: a page rendered from an older state is not stored
-- (compare-and-set on the generation read together with that state).
ALTER TABLE public_links
    ADD COLUMN page             text,      -- the JSON answer, byte for byte
    ADD COLUMN page_valid_until date,      -- the summary's valid_until: from that Berlin date on, render again
    ADD COLUMN page_release     text,      -- the release that rendered it (labels and sentences live in the code)
    ADD COLUMN page_generation  bigint NOT NULL DEFAULT 0;

CREATE FUNCTION public_page_forget(p_vehicle uuid) RETURNS void LANGUAGE sql AS $$
    UPDATE public_links SET page = NULL, page_generation = page_generation + 1 WHERE vehicle_id = p_vehicle;
$$;

CREATE FUNCTION public_page_forget_on_trust_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM public_page_forget(CASE WHEN TG_OP = 'DELETE' THEN OLD.vehicle_id ELSE NEW.vehicle_id END);
    RETURN NULL;
END
$$;

CREATE FUNCTION public_page_forget_on_vehicle_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM public_page_forget(NEW.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER public_page_follows_trust AFTER INSERT OR UPDATE OR DELETE ON vehicle_trust
    FOR EACH ROW EXECUTE FUNCTION public_page_forget_on_trust_change();
CREATE TRIGGER public_page_follows_vehicle_delete AFTER UPDATE OF deleted_at ON vehicles
    FOR EACH ROW WHEN (NEW.deleted_at IS NOT NULL) EXECUTE FUNCTION public_page_forget_on_vehicle_delete();

-- The state a page is rendered from now carries the generation it belongs to.
DROP FUNCTION public_link_record(text);
CREATE FUNCTION public_link_record(p_token text)
RETURNS TABLE (vehicle_id uuid, vehicle_class text, make text, model text, year integer, engine text,
               vin_masked text, accident_status text, light text, summary text, valid_until text,
               page_generation bigint)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT v.id, v.vehicle_class, v.make, v.model, v.year, v.engine, v.vin_masked, v.accident_status,
           t.light, t.summary::text, t.valid_until::text, p.page_generation
    FROM public_links p
    JOIN vehicles v ON v.id = p.vehicle_id
    LEFT JOIN vehicle_trust t ON t.vehicle_id = p.vehicle_id
    WHERE p.token = p_token AND v.deleted_at IS NULL;
END
$$;
