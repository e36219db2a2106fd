-- What an entry's JSON needs from the vehicle's documents, in one call (plan kept per
-- connection, as the V013 functions): every attached, not deleted document with whether it is
-- valid evidence (approved, scanned clean, no open PII suspicion), oldest first.
CREATE FUNCTION entry_document_rows(p_vehicle uuid)
RETURNS TABLE (entry_id uuid, document_id uuid, valid_evidence boolean)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY
    SELECT d.entry_id, d.id, d.approval = 'approved' AND d.scan = 'clean' AND d.pii = 'ok'
      FROM documents d
     WHERE d.vehicle_id = p_vehicle AND d.entry_id IS NOT NULL AND d.deleted_at IS NULL
     ORDER BY d.uploaded_at, d.id;
END
$$;
