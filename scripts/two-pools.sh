#!/usr/bin/env bash
# make two-pools: two worker pools on TCP (as two hosts would run them) behind one nginx
# `upstream`, wrk at 64 connections on a read that needs the database, and one pool killed
# (SIGKILL, multiwatch and its workers) in the middle. Passes when every answer was 2xx:
# nginx retries a request whose pool vanished on the other one (fastcgi_next_upstream error,
# safe for GET), so not even the requests in flight fail. docs/scaling.md, docs/reliability.md.
# Needs the running local stack (scripts/stack.sh up), whose settings both pools use.
set -euo pipefail
source "$(dirname "$0")/lib/stack-common.sh"
source "$(dirname "$0")/lib/wrk-report.sh"
source "$(dirname "$0")/lib/bench-common.sh"
PORT=${LTC_TWO_POOLS_PORT:-$((HTTPS_PORT + 3))}
POOL_PORTS=(${LTC_TWO_POOLS_FCGI_PORTS:-19001 19002})
SECONDS_OF_LOAD=12
report=$VAR/log/two-pools.txt

pool_pid_file() { echo "$VAR/run/tcp-pool-$1.pid"; }

start_pool() {  # $1: port; the pool gets the stack's settings (ltc.env) and its own metrics file
    (
        set -a
        # shellcheck disable=SC1091
        source "$VAR/ltc.env"
        set +a
        export LTC_METRICS_FILE=$VAR/run/metrics-tcp-$1.shm
        setsid spawn-fcgi -n -a 127.0.0.1 -p "$1" -- \
            /usr/bin/multiwatch -f 2 -r 3 -t 10000 -- "$BIN/ltc-fcgi" >>"$VAR/log/fcgi-tcp-$1.log" 2>&1 </dev/null &
        echo $! > "$(pool_pid_file "$1")"
    )
}

kill_pool() {  # the pool's process group: multiwatch and every worker at once
    local pid
    pid=$(cat "$(pool_pid_file "$1")" 2>/dev/null) || return 0
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$(pool_pid_file "$1")" "$VAR/run/metrics-tcp-$1.shm"
}

cleanup() {
    for port in "${POOL_PORTS[@]}"; do kill_pool "$port"; done
    rm -f "$VAR/nginx/extra-two-pools.conf"
    reload_nginx 2>/dev/null || true
}
trap cleanup EXIT

for port in "${POOL_PORTS[@]}"; do start_pool "$port"; done
{
    echo "upstream ltc_two_pools {"
    for port in "${POOL_PORTS[@]}"; do echo "    server 127.0.0.1:$port;"; done
    echo "}"
    unlimited_api_server "$PORT" | sed "s|fastcgi_pass unix:$FCGI_SOCKET;|fastcgi_pass ltc_two_pools;|"
} > "$VAR/nginx/extra-two-pools.conf"
reload_nginx
URL=https://127.0.0.1:$PORT/api/health
for _ in $(seq 1 100); do curl -skf -o /dev/null "$URL" && break; sleep 0.1; done

wrk -t 2 -c 64 -d "${SECONDS_OF_LOAD}s" --latency "$URL" > "$report" 2>&1 &
wrk_pid=$!
sleep 4
kill_pool "${POOL_PORTS[0]}"
echo "pool on port ${POOL_PORTS[0]} killed (SIGKILL) under load; port ${POOL_PORTS[1]} goes on"
wait "$wrk_pid"
cat "$report"

failed=0
requests=$(wrk_all_answered "$report") || failed=1
if ((failed)); then
    echo "FAILED: failed requests or socket errors after one of two pools was killed" >&2
    exit 1
fi
echo "ok: $requests requests, one of two pools killed, no failed request"
