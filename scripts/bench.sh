#!/usr/bin/env bash
# make bench: wrk through nginx against /api/health/live, /api/health and the public QR read,
# and side by side a minimal libfcgi responder with the same pool size behind the same nginx
# (the ceiling).
set -euo pipefail
source "$(dirname "$0")/lib/stack-common.sh"
export LTC_VAR_DIR=$VAR LTC_HTTPS_PORT=$HTTPS_PORT LTC_HTTP_PORT=$HTTP_PORT LTC_PG_PORT=$PG_PORT
BENCH_PORT=${LTC_BENCH_PORT:-$((HTTPS_PORT + 1))}
DURATION=${LTC_BENCH_SECONDS:-5}
ROUNDS=${LTC_BENCH_ROUNDS:-3}
CONNECTIONS=${LTC_BENCH_CONNECTIONS:-32}
CEILING_SOCKET=$VAR/run/bench-ceiling.sock
CEILING_PID=$VAR/run/bench-ceiling.pid

"$ROOT/scripts/stack.sh" up >/dev/null

cleanup() {
    rm -f "$VAR/nginx/extra-bench.conf"
    nginx -p "$VAR/nginx" -e "$VAR/log/nginx-error.log" -c "$VAR/nginx/nginx.conf" -s reload 2>/dev/null || true
    if pid_alive "$CEILING_PID"; then kill "$(cat "$CEILING_PID")"; fi
    rm -f "$CEILING_PID" "$CEILING_SOCKET"
}
trap cleanup EXIT

# A live public link for the public read (the first active vehicle's, made if it has none).
candidate=$(openssl rand -base64 18 | tr '+/' '-_')
PUBLIC_TOKEN=$(psql_super -d ltc -tA <<SQL
INSERT INTO public_links (vehicle_id, token)
    SELECT id, '$candidate' FROM vehicles WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1
    ON CONFLICT (vehicle_id) DO NOTHING;
SELECT p.token FROM public_links p JOIN vehicles v ON v.id = p.vehicle_id WHERE v.deleted_at IS NULL
    ORDER BY v.created_at, v.id LIMIT 1;
SQL
)

socket_owner=()
is_root && socket_owner=(-U "$NGINX_USER" -G "$NGINX_USER")
rm -f "$CEILING_SOCKET"
setsid spawn-fcgi -n -s "$CEILING_SOCKET" -M 0660 "${socket_owner[@]}" -- \
    /usr/bin/multiwatch -f "$WORKERS" -r 3 -t 10000 -- "$ROOT/build/bin/ltc-bench-responder" >/dev/null 2>&1 </dev/null &
echo $! > "$CEILING_PID"

# Same TLS, headers and FastCGI settings as the real site, on its own port.
cat > "$VAR/nginx/extra-bench.conf" <<CONF
server {
    listen 127.0.0.1:$BENCH_PORT ssl http2;
    ssl_certificate $VAR/tls/cert.pem;
    ssl_certificate_key $VAR/tls/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    access_log $VAR/log/nginx-access.log ltc_access;
    location / {
        include $VAR/nginx/ltc-headers.conf;
        include $VAR/nginx/ltc-fastcgi.conf;
        fastcgi_pass unix:$CEILING_SOCKET;
    }
    # The public read through the real workers, without the per-IP limit (this port only).
    location /api/public/ {
        include $VAR/nginx/ltc-headers.conf;
        include $VAR/nginx/ltc-fastcgi.conf;
        fastcgi_pass unix:$FCGI_SOCKET;
    }
}
CONF
nginx -p "$VAR/nginx" -e "$VAR/log/nginx-error.log" -c "$VAR/nginx/nginx.conf" -s reload
for _ in $(seq 1 50); do curl -skf -o /dev/null "https://127.0.0.1:$BENCH_PORT/" && break; sleep 0.1; done

# Prints "<requests/s> <p99 ms>" for one URL.
measure() {
    local output rps p99
    output=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$output")
    local non2xx
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$output")
    [[ -n $non2xx ]] && echo "warning: $non2xx non-2xx answers from $1" >&2
    echo "$rps $p99"
}

# Rounds interleave the three targets, so a change in machine load hits all of them alike;
# the median round of each target is reported.
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
declare -A rps p99
targets=(ceiling live health public)
declare -A urls=(
    [ceiling]="https://127.0.0.1:$BENCH_PORT/"
    [live]="https://127.0.0.1:$HTTPS_PORT/api/health/live"
    [health]="https://127.0.0.1:$HTTPS_PORT/api/health"
    [public]="https://127.0.0.1:$BENCH_PORT/api/public/qr/$PUBLIC_TOKEN"
)
echo "wrk: $ROUNDS rounds × ${DURATION}s per target, $CONNECTIONS connections, 2 threads, $WORKERS workers per pool, $(nproc) cores"
for _ in $(seq 1 "$ROUNDS"); do
    for target in "${targets[@]}"; do
        read -r r p < <(measure "${urls[$target]}")
        rps[$target]+="$r "
        p99[$target]+="$p "
    done
done
for target in "${targets[@]}"; do
    rps[$target]=$(tr ' ' '\n' <<<"${rps[$target]}" | grep . | median)
    p99[$target]=$(tr ' ' '\n' <<<"${p99[$target]}" | grep . | median)
done

printf '%-28s %12s %10s %8s\n' target "requests/s" "p99 ms" ratio
printf '%-28s %12.0f %10.2f %8s\n' "libfcgi ceiling" "${rps[ceiling]}" "${p99[ceiling]}" "1.00"
printf '%-28s %12.0f %10.2f %8.2f\n' "/api/health/live" "${rps[live]}" "${p99[live]}" "$(echo "${rps[live]} / ${rps[ceiling]}" | bc -l)"
printf '%-28s %12.0f %10.2f %8.2f\n' "/api/health (database)" "${rps[health]}" "${p99[health]}" "$(echo "${rps[health]} / ${rps[ceiling]}" | bc -l)"
printf '%-28s %12.0f %10.2f %8.2f\n' "/api/public/qr/{token}" "${rps[public]}" "${p99[public]}" "$(echo "${rps[public]} / ${rps[ceiling]}" | bc -l)"
