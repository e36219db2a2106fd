-- Sign-in (PRODUCT.md §3): users, one-time-code challenges, sessions, rate-limit counters,
-- consent documents and acceptances, and the mail outbox.
-- E-mail addresses exist only as an HMAC (lookup) and AES-256-GCM ciphertext (delivery),
-- each with the version of the key it was made with (ltc rotate-secret re-keys them).

CREATE TABLE users (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email_hmac         text NOT NULL,
    email_ciphertext   text NOT NULL,
    key_version        integer NOT NULL,
    role               text NOT NULL DEFAULT 'user'
                       CHECK (role IN ('user', 'vip', 'dealer', 'moderator', 'admin', 'superadmin')),
    status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at    timestamptz,
    CONSTRAINT users_email_hmac_key UNIQUE (email_hmac)
);

CREATE TABLE auth_challenges (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email_hmac   text NOT NULL,
    email_ciphertext text NOT NULL,       -- to create the account on first sign-in
    code_hmac    text NOT NULL,           -- HMAC(code key, code ‖ challenge id)
    key_version  integer NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    attempts     integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 5),
    used_at      timestamptz
);
CREATE INDEX auth_challenges_expires_idx ON auth_challenges (expires_at);

CREATE TABLE sessions (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token_hash     text NOT NULL,
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,  -- absolute end
    idle_seconds   integer NOT NULL,
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    ended_at       timestamptz,
    key_version    integer NOT NULL,
    CONSTRAINT sessions_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE ended_at IS NULL;
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Fixed-window counters shared by every worker: bucket names hold HMACs, never addresses.
CREATE TABLE rate_limit_counters (
    bucket        text NOT NULL,
    window_start  timestamptz NOT NULL,
    window_end    timestamptz NOT NULL,
    count         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_counters_end_idx ON rate_limit_counters (window_end);

CREATE TABLE consent_documents (
    doc           text NOT NULL CHECK (doc IN ('terms', 'privacy')),
    version       text NOT NULL CHECK (version ~ '^[0-9A-Za-z._-]{1,40}$'),
    url           text NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (doc, version)
);
INSERT INTO consent_documents (doc, version, url, published_at) VALUES
    ('terms', '2026-03-01', '/agb', '2026-03-01T00:00:00Z'),
    ('privacy', '2026-03-01', '/datenschutz', '2026-03-01T00:00:00Z');

CREATE TABLE consent_acceptances (
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    doc          text NOT NULL,
    version      text NOT NULL,
    accepted_at  timestamptz NOT NULL DEFAULT now(),
    source       text NOT NULL,
    PRIMARY KEY (user_id, doc, version),
    FOREIGN KEY (doc, version) REFERENCES consent_documents (doc, version)
);

-- Recipient and message are encrypted; both are wiped once sent or after an hour.
CREATE TABLE mail_outbox (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient_ciphertext  text,
    message_ciphertext    text,
    key_version           integer NOT NULL,
    status                text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'expired')),
    attempts              integer NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz NOT NULL DEFAULT now(),
    created_at            timestamptz NOT NULL DEFAULT now(),
    finished_at           timestamptz
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
