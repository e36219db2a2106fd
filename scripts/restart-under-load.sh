#!/usr/bin/env bash
# make test phase: the worker pool restarted three times while wrk keeps 64 connections busy
# through nginx; passes only when every answer was 2xx, no socket error occurred and every old
# worker drained (logged that it stops after its request) instead of being killed.
# Needs the running local stack (scripts/stack.sh up).
set -euo pipefail
source "$(dirname "$0")/lib/stack-common.sh"
source "$(dirname "$0")/lib/wrk-report.sh"
URL="https://127.0.0.1:$HTTPS_PORT${LTC_RESTART_TEST_PATH:-/api/health/live}"
RESTARTS=3
report=$VAR/log/restart-under-load.txt
log_lines_before=$(wc -l < "$VAR/log/fcgi.log")

wrk -t 2 -c 64 -d $((RESTARTS * 3 + 3))s --latency "$URL" > "$report" 2>&1 &
wrk_pid=$!
sleep 2
for round in $(seq 1 "$RESTARTS"); do
    old=$(cat "$VAR/run/ltc-fcgi.pid")
    "$ROOT/scripts/stack.sh" restart-workers >/dev/null
    echo "restart $round: pool $old → $(cat "$VAR/run/ltc-fcgi.pid")"
    sleep 1
done
wait "$wrk_pid"
cat "$report"

failed=0
requests=$(wrk_all_answered "$report") || failed=1
drained=$(tail -n +"$((log_lines_before + 1))" "$VAR/log/fcgi.log" | grep -c '"worker stopping after the current request"' || true)
echo "workers drained: $drained of $((WORKERS * RESTARTS))"
if ((drained != WORKERS * RESTARTS)); then failed=1; fi
if ((failed)); then
    echo "FAILED: failed requests, socket errors or undrained workers while the pool restarted $RESTARTS times" >&2
    exit 1
fi
echo "ok: $requests requests, $RESTARTS pool restarts, no failed request"
