-- The service book (PRODUCT.md §5, §6): vehicles and their timeline entries.
-- The VIN exists only as ciphertext, an HMAC (unique among active vehicles) and its mask.

CREATE TABLE vehicles (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id               uuid NOT NULL REFERENCES users (id),
    vin_ciphertext         text NOT NULL,
    vin_hmac               text NOT NULL,
    vin_masked             text NOT NULL,
    vin_check_digit_valid  boolean,
    key_version            integer NOT NULL,
    nickname               text CHECK (char_length(nickname) <= 60),
    vehicle_class          text CHECK (vehicle_class IN ('hypercar', 'sport', 'luxus', 'alltag', 'nutzfahrzeug', 'oldtimer')),
    make                   text CHECK (char_length(make) <= 60),
    model                  text CHECK (char_length(model) <= 60),
    year                   integer CHECK (year BETWEEN 1886 AND 2200),
    engine                 text CHECK (char_length(engine) <= 60),
    accident_status        text NOT NULL DEFAULT 'unbekannt'
                           CHECK (accident_status IN ('unfallfrei', 'nicht_unfallfrei', 'unbekannt')),
    accident_closed        boolean NOT NULL DEFAULT false,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    deleted_at             timestamptz,
    delete_reason          text CHECK (char_length(delete_reason) <= 500),
    deleted_by             uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX vehicles_vin_hmac_active_key ON vehicles (vin_hmac) WHERE deleted_at IS NULL;
CREATE INDEX vehicles_owner_idx ON vehicles (owner_id, created_at, id) WHERE deleted_at IS NULL;

-- Entries are never overwritten: every change is a new row (entry_id, version).
CREATE TABLE entry_versions (
    entry_id      uuid NOT NULL,
    version       integer NOT NULL CHECK (version >= 1),
    vehicle_id    uuid NOT NULL REFERENCES vehicles (id),
    date          date NOT NULL CHECK (date >= DATE '1886-01-01'),
    category      text NOT NULL CHECK (category IN ('wartung', 'inspektion', 'oelwechsel', 'reifen', 'bremsen',
                      'reparatur', 'unfallreparatur', 'hu_au', 'gutachten', 'umbau', 'restauration', 'sonstiges')),
    performed_by  text NOT NULL CHECK (performed_by IN ('fachwerkstatt', 'haendler', 'autohaus', 'reifenservice',
                      'tuning_fachbetrieb', 'gesetzlich', 'eigenleistung', 'sonstiges')),
    odometer_km   integer NOT NULL CHECK (odometer_km BETWEEN 0 AND 2000000),
    note          text CHECK (char_length(note) <= 4000),
    cost          numeric(10, 2) CHECK (cost BETWEEN 0 AND 10000000),
    paper_book    boolean NOT NULL DEFAULT false,
    deleted       boolean NOT NULL DEFAULT false,
    reason        text CHECK (char_length(reason) <= 500),
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_by    uuid NOT NULL REFERENCES users (id),
    CONSTRAINT entry_versions_pkey PRIMARY KEY (entry_id, version)
);
-- The latest version of each entry of a vehicle by index (DISTINCT ON … ORDER BY version DESC).
CREATE INDEX entry_versions_vehicle_idx ON entry_versions (vehicle_id, entry_id, version DESC);

CREATE FUNCTION entry_versions_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'entry versions are immutable' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER entry_versions_no_update_delete
    BEFORE UPDATE OR DELETE ON entry_versions
    FOR EACH ROW EXECUTE FUNCTION entry_versions_immutable();
