-- Ownership transfers (PRODUCT.md §10) and full exports (§11).

-- A transfer code exists only as its HMAC (transfer-code key of key_version): it cannot be
-- re-keyed, so `ltc rotate-secret` leaves old codes unredeemable (they answer 404).
-- `status` 'open' past expires_at reads as expired; 'expired' is stored when a new transfer
-- replaces such a row, 'ended' when another transfer of the vehicle was redeemed.
CREATE TABLE transfers (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    vehicle_id   uuid NOT NULL REFERENCES vehicles (id),
    created_by   uuid NOT NULL REFERENCES users (id),
    code_hmac    text NOT NULL,
    key_version  integer NOT NULL,
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'redeemed', 'cancelled', 'expired', 'ended')),
    extended     boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    redeemed_at  timestamptz,
    redeemed_by  uuid REFERENCES users (id),
    CONSTRAINT transfers_code_hmac_key UNIQUE (code_hmac)
);
-- One open transfer per vehicle: a parallel second one fails here (409 transfer_open).
CREATE UNIQUE INDEX transfers_one_open_per_vehicle ON transfers (vehicle_id) WHERE status = 'open';
CREATE INDEX transfers_vehicle_idx ON transfers (vehicle_id, created_at DESC, id);

-- Full exports: the ciphertext lives in $LTC_VAR_DIR/exports/<id>; the key is never stored,
-- the download token only as its HMAC (export-token key of key_version).
CREATE TABLE full_exports (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    target_type    text NOT NULL CHECK (target_type IN ('vehicle', 'user')),
    target_id      uuid NOT NULL,
    created_by     uuid NOT NULL REFERENCES users (id),
    token_hash     text NOT NULL,
    key_version    integer NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    downloaded_at  timestamptz,
    purged_at      timestamptz   -- the file was deleted (downloaded or expired)
);
CREATE INDEX full_exports_expires_idx ON full_exports (expires_at) WHERE purged_at IS NULL;
