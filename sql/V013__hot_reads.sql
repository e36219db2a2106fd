-- The hot reads of the vehicle pages as PL/pgSQL functions: PL/pgSQL keeps the plans of its
-- statements for the life of the connection, so these joins are not planned again on every
-- request (as unnamed statements, planning cost more than running them), and nothing relies
-- on named prepared statements (PgBouncer in transaction mode). The stores call them.

-- One vehicle as the application reads it: facts, owner role, stored trust summary, public link.
CREATE VIEW vehicle_rows AS
SELECT v.id, v.owner_id, u.role AS owner_role, v.vin_ciphertext, v.vin_hmac, v.vin_masked, v.vin_check_digit_valid,
       v.nickname, v.vehicle_class, v.make, v.model, v.year, v.engine, v.accident_status, v.accident_closed,
       to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created,
       to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated,
       to_char(v.deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS deleted,
       v.delete_reason, v.deleted_at > now() - interval '30 days' AS restorable,
       EXISTS (SELECT 1 FROM entry_versions e WHERE e.vehicle_id = v.id) AS has_entries,
       t.light, t.summary::text AS trust_summary, t.valid_until::text AS trust_valid_until, p.token AS public_token,
       v.created_at, v.deleted_at
  FROM vehicles v
  JOIN users u ON u.id = v.owner_id
  LEFT JOIN vehicle_trust t ON t.vehicle_id = v.id
  LEFT JOIN public_links p ON p.vehicle_id = v.id;

CREATE FUNCTION vehicle_row(p_id uuid) RETURNS SETOF vehicle_rows
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY SELECT * FROM vehicle_rows r WHERE r.id = p_id;
END
$$;

CREATE FUNCTION owner_vehicle_rows(p_owner uuid, p_limit bigint, p_offset bigint) RETURNS SETOF vehicle_rows
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY SELECT * FROM vehicle_rows r WHERE r.owner_id = p_owner AND r.deleted_at IS NULL
                  ORDER BY r.created_at, r.id LIMIT p_limit OFFSET p_offset;
END
$$;

-- The latest, not deleted version of each entry of a vehicle: date descending, newest first.
CREATE FUNCTION latest_entry_rows(p_vehicle uuid)
RETURNS TABLE (entry_id uuid, version integer, entry_date text, category text, performed_by text, odometer_km integer,
               note text, cost text, paper_book boolean, deleted boolean, reason text, created text, created_by uuid)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY
    SELECT l.entry_id, l.version, to_char(l.date, 'YYYY-MM-DD'), l.category, l.performed_by, l.odometer_km, l.note,
           l.cost::text, l.paper_book, l.deleted, l.reason,
           to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), l.created_by
      FROM (SELECT DISTINCT ON (x.entry_id) x.* FROM entry_versions x WHERE x.vehicle_id = p_vehicle
             ORDER BY x.entry_id, x.version DESC) l
     WHERE NOT l.deleted
     ORDER BY l.date DESC, l.created_at DESC, l.entry_id;
END
$$;
