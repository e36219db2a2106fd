# Shared settings of the local stack; sourced by scripts/stack.sh, scripts/test.sh, scripts/bench.sh.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VAR=$(realpath -m "${LTC_VAR_DIR:-$ROOT/var}")
HTTPS_PORT=${LTC_HTTPS_PORT:-8443}
HTTP_PORT=${LTC_HTTP_PORT:-8080}
PG_PORT=${LTC_PG_PORT:-54315}
WORKERS=${LTC_WORKERS:-4}
# The programs the stack runs (make asan points this at its sanitized build).
BIN=${LTC_BIN_DIR:-$ROOT/build/bin}
PG_BIN=/usr/lib/postgresql/15/bin
FCGI_SOCKET=$VAR/run/ltc-fcgi.sock
STORAGE=$(realpath -m "${LTC_STORAGE_DIR:-$VAR/storage}")
PG_SOCKET_DIR=$VAR/pg/socket
NGINX_USER=www-data

is_root() { [[ $(id -u) -eq 0 ]]; }

# PostgreSQL runs as `postgres` when we are root (initdb refuses root), else as ourselves.
as_pg_user() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Alive and not a zombie (in containers nobody may reap our orphans).
process_alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)
    [[ -n $state && $state != Z ]]
}

pid_alive() {
    local pid
    pid=$(cat "$1" 2>/dev/null) || return 1  # the owner may remove its pid file as it exits
    process_alive "$pid"
}

# The checkout may sit where other users cannot enter (/root is 0700): give a user the right
# to traverse the path to a directory, and nothing more.
grant_traverse() {
    local user=$1 dir
    dir=$(realpath -m "$2")
    is_root || return 0
    while [[ $dir != / ]]; do
        if ! runuser -u "$user" -- test -x "$dir" 2>/dev/null; then
            setfacl -m "u:$user:x" "$dir" 2>/dev/null || chmod o+x "$dir"
        fi
        dir=$(dirname "$dir")
    done
}

psql_super() { as_pg_user "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" "$@"; }
