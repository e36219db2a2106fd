#!/usr/bin/env bash
# Clock jumps (issue 15, docs/reliability.md): every time-to-live — sign-in codes, sessions and
# their idle timeout, step-up, transfers, exports, limits — is a timestamp compared with the
# database's now(), so the clock that matters is the database server's. This phase restarts the
# test stack's PostgreSQL under libfaketime with an offset read from a file (again every second),
# and the tests labelled clock_jump move it (LTC_CLOCK_OFFSET_FILE: "+0", "+31m", "-2h" …)
# while the workers, whose deadlines use the monotonic clock, keep running. Afterwards
# PostgreSQL runs without the offset again. Needs the running local stack.
set -euo pipefail
source "$(dirname "$0")/lib/stack-common.sh"
export LTC_VAR_DIR=$VAR LTC_HTTPS_PORT=$HTTPS_PORT LTC_HTTP_PORT=$HTTP_PORT LTC_PG_PORT=$PG_PORT
export LTC_ROOT=$ROOT LTC_BASE_URL=https://127.0.0.1:$HTTPS_PORT
OFFSET_FILE=$VAR/run/pg-clock-offset
FAKETIME_LIB=/usr/lib/$(gcc -print-multiarch)/faketime/libfaketime.so.1
[[ -f $FAKETIME_LIB ]] || { echo "libfaketime is missing (make deps)"; exit 1; }

start_postgres_with() {  # environment assignments for pg_ctl (and so the postmaster)
    "$ROOT/scripts/stack.sh" pg-stop >/dev/null
    as_pg_user env "$@" "$PG_BIN/pg_ctl" -D "$VAR/pg/data" -l "$VAR/log/postgres.log" -w -t 60 start >/dev/null
}

restore_clock() {
    start_postgres_with
    rm -f "$OFFSET_FILE"
}
trap restore_clock EXIT

echo "+0" > "$OFFSET_FILE"
chmod 644 "$OFFSET_FILE"
# Only the wall clock moves: a real clock step (NTP, a VM resumed) leaves CLOCK_MONOTONIC alone.
start_postgres_with LD_PRELOAD="$FAKETIME_LIB" FAKETIME_TIMESTAMP_FILE="$OFFSET_FILE" FAKETIME_CACHE_DURATION=1 \
    FAKETIME_DONT_FAKE_MONOTONIC=1
LTC_CLOCK_OFFSET_FILE=$OFFSET_FILE "$ROOT/build/bin/integration-tests" --report_level=short --run_test=@clock_jump
