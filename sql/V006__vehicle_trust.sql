-- The stored trust summary (one row per vehicle), written in the same transaction as every
-- change that can move it, so a read is one indexed join instead of a recomputation.
-- valid_until: from this Berlin date on, the date-dependent part may differ; a read on or
-- after it re-derives the row (NULL: no later date changes it). A vehicle without a row is
-- derived on its first read (vehicles that existed before this migration).
CREATE TABLE vehicle_trust (
    vehicle_id   uuid PRIMARY KEY REFERENCES vehicles (id) ON DELETE CASCADE,
    light        text NOT NULL CHECK (light IN ('rot', 'orange', 'gelb', 'gruen')),
    summary      json NOT NULL,       -- json, not jsonb: kept byte for byte as the API answers it
    valid_until  date,
    computed_at  timestamptz NOT NULL DEFAULT now()
);
