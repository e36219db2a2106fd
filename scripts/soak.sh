#!/usr/bin/env bash
# make soak: a mixed workload at a fixed rate for LTC_SOAK_MINUTES (default 10) against the
# local stack through nginx (its own port without the per-address edge limit): public pages,
# signed-in timeline and vehicle reads, entry writes and document uploads (wrk with a Lua
# script), and full sign-ins (code request, code from the mail, verify) in a loop beside it.
# Reports throughput, p50/p95/p99, 5xx (must be 0), worker RSS after the warm-up and at the end
# (growth ≤ 10 %), open file descriptors and database connections, one line a minute.
set -euo pipefail
source "$(dirname "$0")/lib/stack-common.sh"
source "$(dirname "$0")/lib/bench-common.sh"
export LTC_VAR_DIR=$VAR LTC_HTTPS_PORT=$HTTPS_PORT LTC_HTTP_PORT=$HTTP_PORT LTC_PG_PORT=$PG_PORT
MINUTES=${LTC_SOAK_MINUTES:-10}
RATE=${LTC_SOAK_RATE:-100}            # requests per second over all connections (approximately)
CONNECTIONS=${LTC_SOAK_CONNECTIONS:-16}
WARM_UP=${LTC_SOAK_WARM_UP_SECONDS:-30}
API_PORT=${LTC_SOAK_PORT:-$((HTTPS_PORT + 3))}
API=https://127.0.0.1:$API_PORT
SCRIPTS=$VAR/run/soak
mkdir -p "$SCRIPTS"

"$ROOT/scripts/stack.sh" up >/dev/null
# The sign-in loop asks one address for a code every few seconds: its limits raised.
LTC_LIMIT_CODE_REQUESTS_PER_ADDRESS=1000000 LTC_LIMIT_MAILS_PER_ADDRESS_DAY=1000000 \
    LTC_LIMIT_CODE_REQUESTS_PER_IP=1000000 LTC_LIMIT_CODE_CHECKS_PER_IP=1000000 \
    "$ROOT/scripts/stack.sh" restart-workers >/dev/null

sign_in_loop_pid=
cleanup() {
    [[ -n $sign_in_loop_pid ]] && kill "$sign_in_loop_pid" 2>/dev/null || true
    rm -f "$VAR/nginx/extra-soak.conf"
    reload_nginx 2>/dev/null || true
    "$ROOT/scripts/stack.sh" restart-workers >/dev/null || true  # the usual limits again
}
trap cleanup EXIT

unlimited_api_server "$API_PORT" > "$VAR/nginx/extra-soak.conf"
reload_nginx
for _ in $(seq 1 50); do curl -skf -o /dev/null "$API/api/health/live" && break; sleep 0.1; done
seeded_owner "$API"  # token, vehicles, read_vehicle, public_token

vehicle_list=$(sed 's|.*|"&"|' <<<"$vehicles" | paste -sd,)
delay_ms=$((CONNECTIONS * 1000 / RATE))
cat > "$SCRIPTS/soak.lua" <<LUA
-- The mix (per 100 requests): 25 public page, 35 timeline, 10 vehicle, 10 /me, 15 new entry, 5 upload.
local token = "$token"
local vehicles = {$vehicle_list}
local public_path = "/api/public/qr/$public_token"
local pdf = "%PDF-1.4\\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF\\n"
local entry = '{"date":"2024-01-01","category":"wartung","performed_by":"fachwerkstatt","odometer_km":100}'
local threads = {}
local next_id = 0

function setup(thread)
    next_id = next_id + 1
    thread:set("id", next_id)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(id * 7919 + os.time())
    failed = 0
    refused = 0
end

local function bearer(extra)
    local headers = {["Authorization"] = "Bearer " .. token}
    for name, value in pairs(extra or {}) do headers[name] = value end
    return headers
end

function request()
    local pick = math.random(100)
    local vehicle = "/api/vehicles/" .. vehicles[math.random(#vehicles)]
    if pick <= 25 then
        return wrk.format("GET", public_path)
    elseif pick <= 60 then
        return wrk.format("GET", vehicle .. "/entries", bearer())
    elseif pick <= 70 then
        return wrk.format("GET", vehicle, bearer())
    elseif pick <= 80 then
        return wrk.format("GET", "/api/auth/me", bearer())
    elseif pick <= 95 then
        return wrk.format("POST", vehicle .. "/entries", bearer({["Content-Type"] = "application/json"}), entry)
    end
    return wrk.format("POST", vehicle .. "/documents?filename=soak.pdf",
                      bearer({["Content-Type"] = "application/octet-stream"}), pdf)
end

function delay()
    return $delay_ms
end

function response(status, headers, body)
    if status >= 500 then
        failed = failed + 1
    elseif status >= 400 then
        refused = refused + 1
    end
end

function done(summary, latency, requests)
    local failed_total, refused_total = 0, 0
    for _, thread in ipairs(threads) do
        failed_total = failed_total + thread:get("failed")
        refused_total = refused_total + thread:get("refused")
    end
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("soak-result requests=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f s5xx=%d s4xx=%d socket_errors=%d\\n",
        summary.requests, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, failed_total, refused_total, errors))
end
LUA

pool_pids() { cat "/proc/$(cat "$VAR/run/ltc-fcgi.pid")/task/"*/children; }
worker_rss_kib() { for pid in $(pool_pids); do awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; done | awk '{s += $1} END {print s}'; }
worker_fds() { for pid in $(pool_pids); do ls "/proc/$pid/fd" | wc -l; done | awk '{s += $1} END {print s}'; }
nginx_fds() { ls "/proc/$(cat "$VAR/run/nginx.pid")/fd" | wc -l; }
db_connections() { psql_super -d ltc -tAc "SELECT count(*) FROM pg_stat_activity WHERE datname = 'ltc'"; }
snapshot() {
    printf '%-8s %10s %10s %9s %9s %8s\n' "$1" "$(worker_rss_kib)" "$(worker_fds)" "$(nginx_fds)" "$(db_connections)" \
        "$(pool_pids | wc -w)"
}

# Full sign-ins beside the load, one every 5 seconds: the code from the mail folder.
sign_ins() {
    local ok=0 failed=0
    trap 'echo "sign-ins: $ok ok, $failed failed" > "$SCRIPTS/sign-ins"; exit 0' TERM
    while true; do
        if [[ -n $(sign_in_token "$API" seed-1-0@seed.example) ]]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
        sleep 5
    done
}
rm -f "$SCRIPTS/sign-ins"
sign_ins &
sign_in_loop_pid=$!

seconds=$((MINUTES * 60))
echo "soak: ${MINUTES} min, about $RATE requests/s over $CONNECTIONS connections (wrk, 2 threads), $WORKERS workers, $(nproc) cores"
wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s "$SCRIPTS/soak.lua" "$API" > "$SCRIPTS/wrk.out" 2>&1 &
wrk_pid=$!
printf '%-8s %10s %10s %9s %9s %8s\n' minute "rss KiB" "worker fd" "nginx fd" "db conn" workers
sleep "$WARM_UP"
start_line=$(snapshot start)
echo "$start_line"
for minute in $(seq 1 $((MINUTES - 1))); do
    sleep $((60 - (minute == 1 ? WARM_UP : 0)))
    if kill -0 "$wrk_pid" 2>/dev/null; then snapshot "$minute"; fi
done
sleep 20  # the end snapshot while wrk still runs
end_line=$(snapshot end)
echo "$end_line"
wait "$wrk_pid" || true
kill "$sign_in_loop_pid"
wait "$sign_in_loop_pid" 2>/dev/null || true
sign_in_loop_pid=
result=$(grep '^soak-result' "$SCRIPTS/wrk.out" || true)
[[ -n $result ]] || { cat "$SCRIPTS/wrk.out"; echo "soak: wrk gave no result" >&2; exit 1; }
echo "$result"
cat "$SCRIPTS/sign-ins" 2>/dev/null || true

rss_start=$(awk '{print $2}' <<<"$start_line")
rss_end=$(awk '{print $2}' <<<"$end_line")
growth=$(echo "scale=1; ($rss_end - $rss_start) * 100 / $rss_start" | bc)
s5xx=$(sed -n 's/.* s5xx=\([0-9]*\).*/\1/p' <<<"$result")
echo "worker RSS growth: $growth %"
status=0
[[ $s5xx -eq 0 ]] || { echo "soak: $s5xx answers were 5xx" >&2; status=1; }
if (($(echo "$growth > 10" | bc))); then echo "soak: worker RSS grew more than 10 %" >&2; status=1; fi
exit "$status"
