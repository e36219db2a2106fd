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
