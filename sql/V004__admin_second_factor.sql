-- Admins: TOTP second factor, backup codes, pending and stepped-up sessions (PRODUCT.md §4).

ALTER TABLE users
    ADD COLUMN totp_secret_ciphertext  text,            -- AES-256-GCM under the totp-enc key
    ADD COLUMN totp_pending_ciphertext text,            -- enrolment not yet activated
    ADD COLUMN totp_enabled            boolean NOT NULL DEFAULT false,
    ADD COLUMN totp_last_step          bigint,          -- each code is accepted once per user
    ADD COLUMN totp_failures           integer NOT NULL DEFAULT 0,
    ADD COLUMN totp_locked_until       timestamptz;

CREATE TABLE backup_codes (
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hmac  text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at    timestamptz,
    PRIMARY KEY (user_id, code_hmac)
);

ALTER TABLE sessions
    ADD COLUMN second_factor  text NOT NULL DEFAULT 'none'
        CHECK (second_factor IN ('none', 'totp_required', 'totp_enrollment_required')),
    ADD COLUMN step_up_until  timestamptz,
    ADD COLUMN signed_in_at   timestamptz NOT NULL DEFAULT now();  -- rotation keeps the absolute end
