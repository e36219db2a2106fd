#!/usr/bin/env bash
# Failover to a streaming replica (docs/scaling.md, issue 15): a replica of the stack's
# PostgreSQL made with `pg_basebackup -R`, synchronous (a commit is acknowledged once the
# replica has it), writes through nginx from four clients, the primary crashed in the middle
# (immediate stop, as a host that dies), the replica promoted and the workers pointed at it by
# configuration (LTC_DATABASE_URL). Passes when every entry acknowledged with 201 is on the
# promoted replica and the service writes again through it.
# Afterwards the stack's own cluster is started again (the writes made on the replica after the
# promotion go with the replica). Needs the running local stack (scripts/stack.sh up).
set -euo pipefail
source "$(dirname "$0")/lib/stack-common.sh"
source "$(dirname "$0")/lib/bench-common.sh"
export LTC_VAR_DIR=$VAR LTC_HTTPS_PORT=$HTTPS_PORT LTC_HTTP_PORT=$HTTP_PORT LTC_PG_PORT=$PG_PORT
REPLICA_PORT=${LTC_REPLICA_PG_PORT:-$((PG_PORT + 20))}
REPLICA_DIR=$VAR/pg/replica
API_PORT=${LTC_REPLICA_API_PORT:-$((HTTPS_PORT + 5))}
API=https://127.0.0.1:$API_PORT
WRITERS=4
ACKED=$VAR/run/replica-acked
REPLICA_NAME=ltc_replica

psql_replica() { as_pg_user "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$REPLICA_PORT" "$@"; }

cleanup() {
    set +e
    jobs -p | xargs -r kill 2>/dev/null
    as_pg_user "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null 2>&1
    rm -rf "$REPLICA_DIR" "$ACKED" "$VAR/nginx/extra-replica.conf"
    reload_nginx 2>/dev/null
    # The stack's own cluster again, without a synchronous standby it would wait for.
    as_pg_user sed -i "/^synchronous_standby_names/d" "$VAR/pg/data/postgresql.auto.conf"
    unset LTC_DATABASE_URL
    "$ROOT/scripts/stack.sh" pg-start >/dev/null 2>&1
    "$ROOT/scripts/stack.sh" restart-workers >/dev/null
}
trap cleanup EXIT

"$ROOT/scripts/stack.sh" up >/dev/null
unlimited_api_server "$API_PORT" > "$VAR/nginx/extra-replica.conf"
reload_nginx
for _ in $(seq 1 50); do curl -sk -o /dev/null "$API/api/health/live" && break; sleep 0.1; done

# A signed-in owner with a vehicle (ltc seed; one vehicle of one entry).
"$ROOT/scripts/ltc-local.sh" seed --owners 1 --vehicles-per-owner 1 --entries-per-vehicle 1 --seed 31 >/dev/null
token=$(sign_in_token "$API" seed-31-0@seed.example)
[[ -n $token ]] || { echo "could not sign in the seeded owner"; exit 1; }
vehicle=$(curl -sk -H "Authorization: Bearer $token" "$API/api/vehicles" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)

# The replica: a base backup with the standby settings (-R), its own port, no WAL archiving
# (the stack's backup repository belongs to the primary).
rm -rf "$REPLICA_DIR"
as_pg_user "$PG_BIN/pg_basebackup" -D "$REPLICA_DIR" -R -X stream -c fast -h "$PG_SOCKET_DIR" -p "$PG_PORT"
as_pg_user tee -a "$REPLICA_DIR/postgresql.auto.conf" >/dev/null <<CONF
port = $REPLICA_PORT
archive_mode = off
primary_conninfo = 'host=$PG_SOCKET_DIR port=$PG_PORT user=postgres application_name=$REPLICA_NAME'
CONF
touch "$VAR/log/postgres-replica.log"
is_root && chown postgres "$VAR/log/postgres-replica.log"
as_pg_user "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$VAR/log/postgres-replica.log" -w -t 60 start >/dev/null
psql_super -d postgres -c "ALTER SYSTEM SET synchronous_standby_names = '$REPLICA_NAME'" -c "SELECT pg_reload_conf()" >/dev/null
for _ in $(seq 1 100); do
    state=$(psql_super -d postgres -Atc "SELECT sync_state FROM pg_stat_replication WHERE application_name = '$REPLICA_NAME'")
    [[ $state == sync ]] && break
    sleep 0.1
done
[[ $state == sync ]] || { echo "the replica did not become a synchronous standby (state: '$state')"; exit 1; }
echo "replica streaming on port $REPLICA_PORT, synchronous"

# Writers: each prints the id of every entry acknowledged with 201 and counts the other answers.
write_loop() {
    local n=$1 answer status
    while :; do
        answer=$(curl -sk -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"date\":\"2024-02-0$n\",\"category\":\"wartung\",\"performed_by\":\"fachwerkstatt\",\"odometer_km\":$n}" \
            "$API/api/vehicles/$vehicle/entries" || true)
        status=${answer##*$'\n'}
        if [[ $status == 201 ]]; then
            sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p' <<<"${answer%$'\n'*}" >> "$ACKED.$n"
        else
            echo "$status" >> "$ACKED.other"
        fi
    done
}
rm -f "$ACKED".*
touch "$ACKED.other"
for n in $(seq 1 "$WRITERS"); do write_loop "$n" & done
sleep 4
as_pg_user "$PG_BIN/pg_ctl" -D "$VAR/pg/data" -m immediate stop >/dev/null
echo "primary crashed (immediate stop) under $WRITERS writers"
sleep 1
as_pg_user "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -w promote >/dev/null
psql_replica -d postgres -Atc 'SELECT pg_is_in_recovery()' | grep -qx f
app_password=$(sed -n 's/^LTC_DB_APP_PASSWORD=//p' "$VAR/ltc.env")
export LTC_DATABASE_URL="host=$PG_SOCKET_DIR port=$REPLICA_PORT dbname=ltc user=ltc_app password=$app_password application_name=ltc-fcgi"
"$ROOT/scripts/stack.sh" restart-workers >/dev/null
echo "replica promoted, workers pointed at it"
sleep 2
jobs -p | xargs -r kill 2>/dev/null || true
wait 2>/dev/null || true

acked=$(cat "$ACKED".[0-9] | sort -u)
acked_count=$(grep -c . <<<"$acked" || true)
ids=$(paste -sd, <<<"$acked")
present=$(psql_replica -d ltc -Atc "SELECT count(DISTINCT entry_id) FROM entry_versions WHERE entry_id = ANY ('{$ids}'::uuid[])")
others=$(sort "$ACKED.other" | uniq -c | awk '{printf "%s×%s ", $1, $2}')
echo "acknowledged entries: $acked_count, on the promoted replica: $present; other answers: ${others:-none}"
# The service writes through the new primary.
after=$(curl -sk -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"date":"2024-03-01","category":"wartung","performed_by":"fachwerkstatt","odometer_km":5}' \
    "$API/api/vehicles/$vehicle/entries")
echo "a write after the failover: $after"
[[ $acked_count -gt 0 && $present == "$acked_count" && $after == 201 ]]
