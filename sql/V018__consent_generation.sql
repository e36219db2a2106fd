-- "Has the caller accepted every current consent document?" as one comparison on every signed-in
-- request, instead of finding the current version of each document and looking for its
-- acceptance (a fifth of the caller lookup's cost). Each published document gets the next
-- generation; a user carries the generation up to which everything current was accepted.
-- session_caller lists the missing documents only when that generation is behind.

ALTER TABLE consent_documents ADD COLUMN generation bigint;
UPDATE consent_documents d SET generation = n.generation
  FROM (SELECT doc, version, row_number() OVER (ORDER BY published_at, doc, version) AS generation
          FROM consent_documents) n
 WHERE n.doc = d.doc AND n.version = d.version;
ALTER TABLE consent_documents ALTER COLUMN generation SET NOT NULL;
CREATE UNIQUE INDEX consent_documents_generation_idx ON consent_documents (generation);

-- The next generation for every new document. Publishing takes turns (consent::publish_document
-- locks the table first, until commit), so generations commit in their order: an acceptance is
-- never stamped with a generation that a slower publication undercuts.
CREATE FUNCTION consent_document_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.generation := (SELECT COALESCE(max(generation), 0) + 1 FROM consent_documents);
    RETURN NEW;
END
$$;
CREATE TRIGGER consent_documents_generation BEFORE INSERT ON consent_documents
    FOR EACH ROW EXECUTE FUNCTION consent_document_generation();

-- The current version of each document (the newest published), and the ones a user has not
-- accepted: the one definition the caller lookup, the stamp and the consent routes share.
CREATE VIEW current_consent_documents AS
SELECT DISTINCT ON (doc) doc, version, url FROM consent_documents ORDER BY doc, published_at DESC, version DESC;

CREATE FUNCTION consent_missing(p_user uuid) RETURNS TABLE (doc text, version text, url text) LANGUAGE sql STABLE AS $$
    SELECT c.doc, c.version, c.url FROM current_consent_documents c
     WHERE NOT EXISTS (SELECT 1 FROM consent_acceptances a
                        WHERE a.user_id = p_user AND a.doc = c.doc AND a.version = c.version)
$$;

ALTER TABLE users ADD COLUMN consent_generation bigint NOT NULL DEFAULT 0;
UPDATE users SET consent_generation = (SELECT max(generation) FROM consent_documents)
 WHERE NOT EXISTS (SELECT 1 FROM consent_missing(id));

-- Stamped by the acceptance itself (every way one is recorded): the generation and the check read
-- in one statement, so they belong to the same state of the documents.
CREATE FUNCTION consent_acceptance_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users u SET consent_generation = g.current
      FROM (SELECT max(generation) AS current FROM consent_documents) g
     WHERE u.id = NEW.user_id AND u.consent_generation < g.current
       AND NOT EXISTS (SELECT 1 FROM consent_missing(NEW.user_id));
    RETURN NULL;
END
$$;
CREATE TRIGGER consent_acceptances_stamp AFTER INSERT ON consent_acceptances
    FOR EACH ROW EXECUTE FUNCTION consent_acceptance_stamp();

CREATE OR REPLACE FUNCTION session_caller(p_token_hash text)
RETURNS TABLE (caller_session uuid, caller_user uuid, caller_role text, caller_csrf text, caller_expires_at text,
               caller_seconds_left bigint, caller_factor text, caller_step_up_until text,
               caller_consent_missing text, caller_email_ciphertext text)
LANGUAGE plpgsql AS $$
DECLARE
    seen timestamptz;
    ends timestamptz;
    step_up timestamptz;
    consented boolean;
BEGIN
    SELECT s.id, s.user_id, u.role, s.csrf_token, s.expires_at, s.second_factor, s.step_up_until,
           u.email_ciphertext, s.last_seen_at,
           u.consent_generation >= (SELECT max(d.generation) FROM consent_documents d)
      INTO caller_session, caller_user, caller_role, caller_csrf, ends, caller_factor, step_up,
           caller_email_ciphertext, seen, consented
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = p_token_hash AND s.ended_at IS NULL AND s.expires_at > now()
       AND s.last_seen_at + make_interval(secs => s.idle_seconds) > now() AND u.status = 'active';
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF now() - seen > interval '60 seconds' THEN
        UPDATE sessions SET last_seen_at = now() WHERE id = caller_session;
    END IF;
    caller_expires_at := to_char(ends AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    caller_seconds_left := GREATEST(0, ceil(extract(epoch FROM ends - now())))::bigint;
    caller_step_up_until := CASE WHEN step_up > now()
                                 THEN to_char(step_up AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END;
    IF NOT consented THEN
        SELECT json_agg(json_build_object('doc', m.doc, 'version', m.version) ORDER BY m.doc)::text
          INTO caller_consent_missing
          FROM consent_missing(caller_user) m;
    END IF;
    RETURN NEXT;
END
$$;
