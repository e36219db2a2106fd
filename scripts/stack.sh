#!/usr/bin/env bash
# The local stack: PostgreSQL cluster, migrations, FastCGI worker pool, nginx.
# usage: scripts/stack.sh up|down|status|restart-workers|workers-stop|mailer-stop|mailer-start|pg-stop|pg-start|pg-freeze|pg-thaw
set -euo pipefail
source "$(dirname "$0")/lib/stack-common.sh"
source "$(dirname "$0")/lib/nginx-render.sh"

# Every LTC_* the caller set reaches the workers (e.g. LTC_CODE_TTL_SECONDS=5 make run).
export LTC_VAR_DIR=$VAR LTC_HTTPS_PORT=$HTTPS_PORT LTC_HTTP_PORT=$HTTP_PORT LTC_PG_PORT=$PG_PORT
CALLER_OVERRIDES=$(export -p | grep -E '^declare -x LTC_[A-Z0-9_]+=' || true)

write_env_file() {
    local secret owner_password app_password key_version cipher_pass documents_password
    if [[ -f $VAR/ltc.env ]]; then
        cipher_pass=$(sed -n 's/^LTC_BACKUP_CIPHER_PASS=//p' "$VAR/ltc.env")
        documents_password=$(sed -n 's/^LTC_DOCUMENTS_BACKUP_PASSWORD=//p' "$VAR/ltc.env")
        secret=$(sed -n 's/^LTC_SECRET_KEY=//p' "$VAR/ltc.env")
        key_version=$(sed -n 's/^LTC_KEY_VERSION=//p' "$VAR/ltc.env")
        owner_password=$(sed -n 's/^LTC_DB_OWNER_PASSWORD=//p' "$VAR/ltc.env")
        app_password=$(sed -n 's/^LTC_DB_APP_PASSWORD=//p' "$VAR/ltc.env")
    fi
    secret=${secret:-$(openssl rand -hex 32)}
    key_version=${key_version:-1}  # raised by `ltc rotate-secret` (docs/operations.md)
    owner_password=${owner_password:-$(openssl rand -hex 24)}
    app_password=${app_password:-$(openssl rand -hex 24)}
    cipher_pass=${cipher_pass:-$(openssl rand -hex 32)}
    documents_password=${documents_password:-$(openssl rand -hex 32)}
    local connection="host='$PG_SOCKET_DIR' port=$PG_PORT dbname=ltc connect_timeout=2"
    (umask 077; cat > "$VAR/ltc.env.tmp" <<ENV
# The local stack's settings (scripts/stack.sh writes this; secrets are generated once).
LTC_VAR_DIR=$VAR
LTC_HTTPS_PORT=$HTTPS_PORT
LTC_HTTP_PORT=$HTTP_PORT
LTC_PG_PORT=$PG_PORT
LTC_BASE_URL=https://127.0.0.1:$HTTPS_PORT
LTC_PUBLIC_BASE_URL=https://127.0.0.1:$HTTPS_PORT
LTC_SECRET_KEY=$secret
LTC_KEY_VERSION=$key_version
LTC_DB_OWNER_PASSWORD=$owner_password
LTC_DB_APP_PASSWORD=$app_password
LTC_DATABASE_URL="$connection user=ltc_app password=$app_password application_name=ltc-fcgi"
LTC_MIGRATE_DATABASE_URL="$connection user=ltc_owner password=$owner_password application_name=ltc-migrate"
# Backups (scripts/backup, scripts/restore): pgBackRest and restic repositories under backup/.
LTC_BACKUP_CIPHER_PASS=$cipher_pass
LTC_DOCUMENTS_BACKUP_PASSWORD=$documents_password
ENV
    mv "$VAR/ltc.env.tmp" "$VAR/ltc.env")
}

load_env() {
    set -a
    # shellcheck disable=SC1091
    source "$VAR/ltc.env"
    # declare -g: inside a function a plain declare would make them local to it.
    eval "${CALLER_OVERRIDES//declare -x /declare -gx }"
    set +a
}

prepare_dirs() {
    mkdir -p "$VAR"/{run,log,mail,tls,nginx/tmp,pg,exports} "$STORAGE"/{tmp,files}
    # Full-export ciphertexts: only the workers' user (the one running this script) reads them.
    chmod 700 "$VAR/exports"
    touch "$VAR/log/postgres.log" "$VAR/log/fcgi.log" "$VAR/log/mailer.log"
    if is_root; then
        chown postgres:postgres "$VAR/pg" "$VAR/log/postgres.log"
        chown "$NGINX_USER" "$VAR/nginx/tmp"
        grant_traverse postgres "$VAR/pg"
        grant_traverse postgres "$VAR"
        grant_traverse "$NGINX_USER" "$ROOT/nginx/www"
        grant_traverse "$NGINX_USER" "$ROOT/nginx/legal"
        grant_traverse "$NGINX_USER" "$VAR/run"
        # Workers write documents, nginx reads them (X-Accel-Redirect): files are 0640 in
        # directories whose group is nginx's and which pass that group on (setgid).
        chgrp "$NGINX_USER" "$STORAGE" "$STORAGE/tmp" "$STORAGE/files"
        chmod 2750 "$STORAGE" "$STORAGE/tmp" "$STORAGE/files"
        grant_traverse "$NGINX_USER" "$STORAGE/files"
    fi
}

postgres_config() {
    cat <<CONF
# Written by scripts/stack.sh on every start.
listen_addresses = ''
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
max_connections = 60
shared_buffers = 128MB
password_encryption = scram-sha-256
lc_messages = 'C'
timezone = 'UTC'
wal_level = replica
archive_mode = on
# WAL goes to the pgBackRest repository (scripts/backup configure writes its configuration);
# a segment is closed at least every minute: RPO ≤ 1 minute.
archive_command = 'pgbackrest --config=$VAR/pgbackrest/pgbackrest.conf --stanza=ltc archive-push %p'
archive_timeout = 60
# Statement counts per query shape: the round trips of a request are visible (tests, bench).
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
CONF
}

start_postgres() {
    if [[ ! -f $VAR/pg/data/PG_VERSION ]]; then
        echo "Creating the PostgreSQL cluster in $VAR/pg/data"
        as_pg_user "$PG_BIN/initdb" -D "$VAR/pg/data" --encoding=UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=reject >/dev/null
        echo "include 'ltc.conf'" | as_pg_user tee -a "$VAR/pg/data/postgresql.conf" >/dev/null
        local superuser
        superuser=$(is_root && echo postgres || id -un)
        printf 'local all %s peer\nlocal replication %s peer\nlocal ltc ltc_owner,ltc_app scram-sha-256\n' \
            "$superuser" "$superuser" | as_pg_user tee "$VAR/pg/data/pg_hba.conf" >/dev/null
    fi
    as_pg_user mkdir -p "$PG_SOCKET_DIR"
    postgres_config | as_pg_user tee "$VAR/pg/data/ltc.conf" >/dev/null
    if as_pg_user "$PG_BIN/pg_ctl" -D "$VAR/pg/data" status >/dev/null 2>&1; then
        return 0
    fi
    as_pg_user "$PG_BIN/pg_ctl" -D "$VAR/pg/data" -l "$VAR/log/postgres.log" -w -t 60 start >/dev/null
    wait_for_promotion
}

# A restored cluster (scripts/restore) accepts connections while it still replays WAL; the
# stack goes on once it has promoted itself.
wait_for_promotion() {
    for _ in $(seq 1 240); do
        [[ $(psql_super -d postgres -Atc 'SELECT pg_is_in_recovery()' 2>/dev/null) == f ]] && return 0
        sleep 0.5
    done
    echo "PostgreSQL is still in recovery after 120 s; see $VAR/log/postgres.log" >&2
    return 1
}

bootstrap_database() {
    psql_super -d postgres -v owner_password="$LTC_DB_OWNER_PASSWORD" -v app_password="$LTC_DB_APP_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE ltc_owner LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ltc_owner')\gexec
SELECT 'CREATE ROLE ltc_app LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ltc_app')\gexec
ALTER ROLE ltc_owner PASSWORD :'owner_password';
ALTER ROLE ltc_app PASSWORD :'app_password';
ALTER ROLE ltc_app SET statement_timeout = '10s';
-- One generic plan per kept statement (docs/decisions.md, "Generic plans").
ALTER ROLE ltc_app SET plan_cache_mode = force_generic_plan;
SELECT 'CREATE DATABASE ltc OWNER ltc_owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ltc')\gexec
REVOKE ALL ON DATABASE ltc FROM PUBLIC;
GRANT CONNECT ON DATABASE ltc TO ltc_owner, ltc_app;
\connect ltc
ALTER SCHEMA public OWNER TO ltc_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ltc_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ltc_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ltc_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ltc_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ltc_app;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
GRANT pg_read_all_stats TO ltc_owner;
SQL
}

make_certificate() {
    [[ -f $VAR/tls/cert.pem ]] && return 0
    echo "Creating a self-signed certificate for 127.0.0.1 in $VAR/tls"
    (umask 077; openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
        -subj "/CN=localhost" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$VAR/tls/key.pem" -out "$VAR/tls/cert.pem" 2>/dev/null)
}

# The settings the next pool starts with: ltc.env and the caller's LTC_* overrides, nothing left
# over from an earlier start (scripts/lib/fcgi-pool.sh reads the file at every pool start).
write_pool_env() {
    (umask 077; export -p | grep -E '^declare -x LTC_[A-Z0-9_]+=' > "$VAR/run/pool.env")
}

# As in production (ltc-fcgi.socket + ltc-fcgi.service): the socket outlives the pool. spawn-fcgi
# binds it and execs fcgi-pool.sh, which holds it and runs multiwatch ($WORKERS workers, told
# to stop with multiwatch's default SIGUSR1, on which a worker finishes its request first) on it.
start_workers() {
    write_pool_env
    if pid_alive "$VAR/run/ltc-fcgi-socket.pid"; then return 0; fi
    rm -f "$FCGI_SOCKET" "$VAR/run/metrics.shm"
    local socket_owner=()
    is_root && socket_owner=(-U "$NGINX_USER" -G "$NGINX_USER")
    # SIGHUP is the restart signal of fcgi-pool.sh; a shell cannot trap a signal ignored at its
    # start (as under nohup), so the pool gets the default disposition back.
    setsid env --default-signal=HUP spawn-fcgi -n -s "$FCGI_SOCKET" -M 0660 "${socket_owner[@]}" -- \
        "$ROOT/scripts/lib/fcgi-pool.sh" "$VAR/run/pool.env" "$VAR/run/ltc-fcgi.pid" -- \
        /usr/bin/multiwatch -f "$WORKERS" -r 3 -t 10000 -- "$BIN/ltc-fcgi" \
        >>"$VAR/log/fcgi.log" 2>&1 </dev/null &
    echo $! > "$VAR/run/ltc-fcgi-socket.pid"
}

# A new pool on the same socket, the old one drained first (scripts/lib/fcgi-pool.sh, SIGHUP).
restart_workers() {
    local old
    if ! pid_alive "$VAR/run/ltc-fcgi-socket.pid"; then start_workers; return 0; fi
    write_pool_env
    old=$(cat "$VAR/run/ltc-fcgi.pid" 2>/dev/null || true)
    kill -HUP "$(cat "$VAR/run/ltc-fcgi-socket.pid")"
    for _ in $(seq 1 300); do
        [[ $(cat "$VAR/run/ltc-fcgi.pid" 2>/dev/null) != "$old" ]] && pid_alive "$VAR/run/ltc-fcgi.pid" && return 0
        sleep 0.1
    done
    echo "The worker pool did not restart; see $VAR/log/fcgi.log" >&2
    return 1
}

start_mailer() {
    if pid_alive "$VAR/run/ltc-mailer.pid"; then return 0; fi
    setsid "$BIN/ltc" mailer >>"$VAR/log/mailer.log" 2>&1 </dev/null &
    echo $! > "$VAR/run/ltc-mailer.pid"
}

# The same templates as an installation; loopback only, no IPv6 listener.
render_template() {
    NGX_LISTEN_ADDRESS=127.0.0.1: NGX_IPV6=no NGX_HTTPS_PORT=$HTTPS_PORT NGX_HTTP_PORT=$HTTP_PORT \
        NGX_HTTPS_AUTHORITY_PORT=:$HTTPS_PORT NGX_SERVER_NAME="localhost 127.0.0.1" \
        NGX_TLS_CERT=$VAR/tls/cert.pem NGX_TLS_KEY=$VAR/tls/key.pem NGX_WWW_ROOT=$ROOT/nginx/www \
        NGX_FCGI_SOCKET=$FCGI_SOCKET NGX_LOG_DIR=$VAR/log NGX_PROTECTED_FILES_DIR=$STORAGE/files \
        NGX_SNIPPETS_DIR=$VAR/nginx/snippets NGX_LEGAL_DIR=$ROOT/nginx/legal NGX_API_RATE=${LTC_EDGE_RATE:-30r/s} \
        NGX_API_BURST=${LTC_EDGE_BURST:-60} NGX_RELEASE="dev-$(date +%s)" render_nginx_template "$1"
}

# Laid out as on a Debian host: http-level zones in conf.d/, includes in snippets/, the site.
write_nginx_config() {
    mkdir -p "$VAR/nginx/snippets" "$VAR/nginx/conf.d"
    cp "$ROOT"/nginx/ltc-{headers,fastcgi,api-errors,envelope}.conf "$VAR/nginx/snippets/"
    render_template "$ROOT/nginx/ltc-http.conf.template" > "$VAR/nginx/conf.d/lifetimecircle.conf"
    render_template "$ROOT/nginx/ltc-site.conf.template" > "$VAR/nginx/ltc-site.conf"
    local user_line=""
    is_root && user_line="user $NGINX_USER;"
    cat > "$VAR/nginx/nginx.conf" <<CONF
# The local stack's main nginx config (production uses Debian's /etc/nginx/nginx.conf).
$user_line
worker_processes 2;
pid $VAR/run/nginx.pid;
error_log $VAR/log/nginx-error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    server_tokens off;
    client_body_temp_path $VAR/nginx/tmp/body;
    fastcgi_temp_path $VAR/nginx/tmp/fastcgi;
    proxy_temp_path $VAR/nginx/tmp/proxy;
    uwsgi_temp_path $VAR/nginx/tmp/uwsgi;
    scgi_temp_path $VAR/nginx/tmp/scgi;
    include $VAR/nginx/conf.d/*.conf;
    include $VAR/nginx/ltc-site.conf;
    include $VAR/nginx/extra-*.conf;
}
CONF
}

nginx_cmd() { nginx -p "$VAR/nginx" -e "$VAR/log/nginx-error.log" -c "$VAR/nginx/nginx.conf" "$@"; }

start_nginx() {
    write_nginx_config
    nginx_cmd -t -q
    if pid_alive "$VAR/run/nginx.pid"; then nginx_cmd -s reload; else nginx_cmd; fi
}

wait_for_health() {
    local url="https://127.0.0.1:$HTTPS_PORT/api/health"
    for _ in $(seq 1 60); do
        if curl -skf -o /dev/null --max-time 3 "$url"; then return 0; fi
        sleep 0.5
    done
    echo "The stack did not become healthy; see $VAR/log/fcgi.log and $VAR/log/nginx-error.log" >&2
    tail -n 5 "$VAR/log/fcgi.log" >&2 || true
    return 1
}

stop_pid() {
    local pidfile=$1 signal=$2 pid
    pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
    pid=$(cat "$pidfile")
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do process_alive "$pid" || break; sleep 0.1; done
    process_alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

stop_postgres() {
    [[ -f $VAR/pg/data/PG_VERSION ]] || return 0
    if as_pg_user "$PG_BIN/pg_ctl" -D "$VAR/pg/data" status >/dev/null 2>&1; then
        as_pg_user "$PG_BIN/pg_ctl" -D "$VAR/pg/data" -m fast -w -t 60 stop >/dev/null
    fi
}

postmaster_pid() { head -n 1 "$VAR/pg/data/postmaster.pid"; }

# SIGSTOP on the postmaster and its backends: a hung server, for the health deadline test.
signal_postgres_tree() {
    local signal=$1 pid
    pid=$(postmaster_pid)
    kill "-$signal" "$pid"
    pkill "-$signal" -P "$pid" || true
}

case "${1:-}" in
    up)
        prepare_dirs
        write_env_file
        load_env
        start_postgres
        "$ROOT/scripts/backup" configure >/dev/null
        bootstrap_database
        "$BIN/ltc" migrate --dir "$ROOT/sql"
        # Upgrade step for data written before ciphertexts were bound to their row (idempotent).
        "$BIN/ltc" bind-sealed-rows
        seed_output=$("$BIN/ltc" demo-seed)
        echo "$seed_output"
        # The demo vehicle's public page, once, when it is created (scripts/smoke needs a token).
        demo_url=$(sed -n 's/^demo public page: //p' <<<"$seed_output")
        [[ -z $demo_url ]] || echo "$demo_url" > "$VAR/demo-public-url"
        make_certificate
        start_workers
        start_mailer
        start_nginx
        wait_for_health
        echo
        echo "LifeTimeCircle läuft: https://127.0.0.1:$HTTPS_PORT/  (self-signed certificate)"
        echo "  health:   https://127.0.0.1:$HTTPS_PORT/api/health"
        echo "  demo:     sign in as demo@lifetimecircle.example to see the demo vehicle;"
        echo "            its public page: $(cat "$VAR/demo-public-url" 2>/dev/null || echo "(made before; see the vehicle page)")"
        echo "  sign-in codes arrive as .eml files in $VAR/mail/ (set LTC_SMTP_URL to send real mail)"
        echo "  settings: $VAR/ltc.env    logs: $VAR/log/"
        echo "  stop:     make stop"
        ;;
    down)
        stop_pid "$VAR/run/nginx.pid" QUIT
        stop_pid "$VAR/run/ltc-fcgi-socket.pid" TERM
        stop_pid "$VAR/run/ltc-mailer.pid" TERM
        stop_postgres
        ;;
    status)
        for name in nginx ltc-fcgi-socket ltc-fcgi ltc-mailer; do
            pid_alive "$VAR/run/$name.pid" && echo "$name: running ($(cat "$VAR/run/$name.pid"))" || echo "$name: stopped"
        done
        as_pg_user "$PG_BIN/pg_ctl" -D "$VAR/pg/data" status >/dev/null 2>&1 && echo "postgres: running" || echo "postgres: stopped"
        ;;
    restart-workers)
        # As `systemctl restart ltc-fcgi` does, without a failed request; also for test phases that
        # need other settings (e.g. LTC_CODE_TTL_SECONDS=2 scripts/stack.sh restart-workers).
        load_env
        restart_workers
        wait_for_health
        ;;
    # Pool and socket (systemctl stop ltc-fcgi.socket ltc-fcgi.service): nginx answers 503.
    workers-stop) stop_pid "$VAR/run/ltc-fcgi-socket.pid" TERM ;;
    mailer-stop) stop_pid "$VAR/run/ltc-mailer.pid" TERM ;;
    mailer-start) load_env; start_mailer ;;
    pg-stop) stop_postgres ;;
    pg-start) as_pg_user "$PG_BIN/pg_ctl" -D "$VAR/pg/data" -l "$VAR/log/postgres.log" -w -t 60 start >/dev/null; wait_for_promotion ;;
    pg-freeze) signal_postgres_tree STOP ;;
    pg-thaw) signal_postgres_tree CONT ;;
    *) echo "usage: $0 up|down|status|restart-workers|workers-stop|mailer-stop|mailer-start|pg-stop|pg-start|pg-freeze|pg-thaw" >&2; exit 2 ;;
esac
