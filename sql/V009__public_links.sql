-- Public QR links (PRODUCT.md §9): at most one live token per vehicle. Turning the link off
-- deletes the row, rotating replaces the token, so an old token matches nothing at once.
-- The token is stored as it is (docs/decisions.md): the owner needs the URL again, and it
-- must survive `ltc rotate-secret` because it is printed on stickers. The public read is one
-- probe of the unique index on token.
CREATE TABLE public_links (
    vehicle_id  uuid PRIMARY KEY REFERENCES vehicles (id) ON DELETE CASCADE,
    token       text NOT NULL CHECK (token ~ '^[A-Za-z0-9_-]{22,64}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    rotated_at  timestamptz,
    CONSTRAINT public_links_token_key UNIQUE (token)
);

-- The public read (token → vehicle facts + stored trust summary) as a PL/pgSQL function: its
-- statement's plan is cached per connection, where a plain three-table join would be planned on
-- every call (planning was three quarters of its cost). No named statement crosses the wire,
-- so it stays correct behind PgBouncer in transaction mode.
CREATE FUNCTION public_link_record(p_token text)
RETURNS TABLE (vehicle_id uuid, vehicle_class text, make text, model text, year integer, engine text,
               vin_masked text, accident_status text, light text, summary text, valid_until text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT v.id, v.vehicle_class, v.make, v.model, v.year, v.engine, v.vin_masked, v.accident_status,
           t.light, t.summary::text, t.valid_until::text
    FROM public_links p
    JOIN vehicles v ON v.id = p.vehicle_id
    LEFT JOIN vehicle_trust t ON t.vehicle_id = p.vehicle_id
    WHERE p.token = p_token AND v.deleted_at IS NULL;
END
$$;
