#!/usr/bin/env bash
# The local stack's stand-in for systemd's ltc-fcgi.socket + ltc-fcgi.service: spawn-fcgi binds
# the listening socket and execs this script with it as descriptor 0; the script keeps it open
# for its whole life and runs the pool (multiwatch and its workers) on it.
#   SIGHUP          restart the pool as `systemctl restart ltc-fcgi` does: the old pool drains
#                   (multiwatch sends SIGUSR1, each worker answers the request it has), then a new one
#                   starts with the settings in ENV_FILE. Requests arriving meanwhile wait on
#                   the socket, none fails.
#   SIGTERM/SIGINT  stop the pool, then exit (the socket goes with the script).
# A pool that ends by itself (every slot gave up) is started again after 2 s (Restart=always).
# usage: fcgi-pool.sh ENV_FILE POOL_PID_FILE -- command…   (ENV_FILE: `export -p` lines)
set -uo pipefail
env_file=$1 pid_file=$2
shift 3

exec 3<&0  # an asynchronous command's stdin would be /dev/null: the socket goes along as fd 3
pool=""
restart=0
stop=0
trap 'restart=1; kill -TERM "$pool" 2>/dev/null' HUP
trap 'stop=1; kill -TERM "$pool" 2>/dev/null' TERM INT

start_pool() {
    # Only what ENV_FILE says (and the basics): a restart without an override drops it again.
    # (ASAN_OPTIONS/UBSAN_OPTIONS: make asan's report folder for sanitized workers.)
    env -i PATH="$PATH" HOME="${HOME:-/}" LANG="${LANG:-C.UTF-8}" \
        ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} ${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} \
        bash -c 'set -a; source "$1"; shift; exec 0<&3 3<&-; exec "$@"' pool "$env_file" "$@" &
    pool=$!
    echo "$pool" > "$pid_file"
}

start_pool "$@"
while true; do
    wait "$pool"  # also returns when a trapped signal arrives
    kill -0 "$pool" 2>/dev/null && continue  # signalled: the pool is still draining
    if ((stop)); then
        rm -f "$pid_file"
        exit 0
    fi
    if ((restart)); then
        restart=0
    else
        echo "fcgi-pool: the pool ended by itself; starting it again in 2 s" >&2
        sleep 2
    fi
    start_pool "$@"
done
