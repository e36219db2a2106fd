#!/usr/bin/env bash
# The integration suite with the workers connected through PgBouncer in transaction mode
# (docs/scaling.md): the local stack of LTC_VAR_DIR, PgBouncer (Debian's) on
# LTC_PGBOUNCER_PORT between the workers and PostgreSQL, the workers restarted with an
# LTC_DATABASE_URL that points there, then the main integration phase. Operator commands and
# the tests' own checks keep talking to PostgreSQL directly (LTC_MIGRATE_DATABASE_URL).
set -euo pipefail
source "$(dirname "$0")/lib/stack-common.sh"
export LTC_VAR_DIR=$VAR LTC_HTTPS_PORT=$HTTPS_PORT LTC_HTTP_PORT=$HTTP_PORT LTC_PG_PORT=$PG_PORT
export LTC_ROOT=$ROOT LTC_BASE_URL=https://127.0.0.1:$HTTPS_PORT
BOUNCER_PORT=${LTC_PGBOUNCER_PORT:-$((HTTPS_PORT + 4))}
BOUNCER_DIR=$VAR/pg/bouncer  # PostgreSQL's user runs PgBouncer (it refuses root) and reads this

"$ROOT/scripts/stack.sh" up >/dev/null
app_password=$(sed -n 's/^LTC_DB_APP_PASSWORD=//p' "$VAR/ltc.env")
as_pg_user mkdir -p "$BOUNCER_DIR"
as_pg_user tee "$BOUNCER_DIR/userlist.txt" >/dev/null <<<"\"ltc_app\" \"$app_password\""
as_pg_user chmod 600 "$BOUNCER_DIR/userlist.txt"
as_pg_user tee "$BOUNCER_DIR/pgbouncer.ini" >/dev/null <<INI
[databases]
ltc = host=$PG_SOCKET_DIR port=$PG_PORT dbname=ltc

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $BOUNCER_DIR/userlist.txt
pool_mode = transaction
; After PostgreSQL restarts, try the server again at once (default: 15 s of 503s).
server_login_retry = 0
; A frozen server must cost a request less than the workers' deadlines, not PgBouncer's defaults
; (15 s to connect, 120 s in the queue): the worker answers 503 within 2 s (reliability.md).
server_connect_timeout = 1
query_wait_timeout = 1
default_pool_size = 8
max_client_conn = 200
logfile = $BOUNCER_DIR/pgbouncer.log
pidfile = $BOUNCER_DIR/pgbouncer.pid
INI

stop_bouncer() {
    if pid_alive "$BOUNCER_DIR/pgbouncer.pid"; then kill "$(cat "$BOUNCER_DIR/pgbouncer.pid")"; fi
    unset LTC_DATABASE_URL
    "$ROOT/scripts/stack.sh" restart-workers >/dev/null || true  # straight to PostgreSQL again
}
trap stop_bouncer EXIT
as_pg_user pgbouncer -d -q "$BOUNCER_DIR/pgbouncer.ini"

# Exported: the tests that restart the pool (scripts/stack.sh restart-workers) keep it.
export LTC_DATABASE_URL="host=127.0.0.1 port=$BOUNCER_PORT dbname=ltc user=ltc_app password=$app_password connect_timeout=2 application_name=ltc-fcgi"
# The tests that know a pooler changes what they may expect (the restart test) read this.
export LTC_TEST_BEHIND_PGBOUNCER=1
"$ROOT/scripts/stack.sh" restart-workers >/dev/null
# Arguments replace the selection of tests (e.g. --run_test=foundation).
"$ROOT/build/bin/integration-tests" --report_level=short "${@:---run_test=!@short_ttl:!@short_step_up}"
