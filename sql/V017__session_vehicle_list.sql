-- The caller's own vehicles found by the session token's hash: the vehicle list's early read,
-- sent together with the caller lookup (session_caller) in one round trip, before the caller is
-- known. It checks nothing about the session; the list uses its rows only after session_caller
-- accepted that same session (so they are that caller's vehicles).
CREATE FUNCTION session_owner_vehicle_rows(p_token_hash text, p_limit bigint, p_offset bigint) RETURNS SETOF vehicle_rows
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY SELECT * FROM owner_vehicle_rows((SELECT s.user_id FROM sessions s WHERE s.token_hash = p_token_hash),
                                                  p_limit, p_offset);
END
$$;
