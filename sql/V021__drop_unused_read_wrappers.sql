-- The read wrappers the release before this one stopped calling (plain prepared statements and
-- trust_entry_heads, V019, took their place): kept by V019 for the release that ran while it
-- migrated, dropped one release later. The view vehicle_rows (V013) stays: the vehicle reads
-- select from it.
DROP FUNCTION IF EXISTS vehicle_row(uuid);
DROP FUNCTION IF EXISTS owner_vehicle_rows(uuid, bigint, bigint);
DROP FUNCTION IF EXISTS session_owner_vehicle_rows(text, bigint, bigint);
DROP FUNCTION IF EXISTS latest_entry_rows(uuid);
DROP FUNCTION IF EXISTS trust_entry_rows(uuid);
