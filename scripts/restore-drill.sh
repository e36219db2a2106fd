#!/usr/bin/env bash
# Restore drill: proves that backup.sh's base backup + the WAL archive + restore.sh bring back
# every committed row, and that --target-time stops where it should. Self-contained: a throwaway
# cluster in a temporary directory on free loopback ports from 55400-55499; nothing of the
# running stack is touched, everything is removed at the end, no process is left.
#
#   scripts/restore-drill.sh
#
# Steps: initdb → archive_mode=on with wal-archive.sh into a temporary archive → table with rows →
# base backup (ltc_take_base_backup, as backup.sh) → more rows → mark a time → more rows →
# pg_switch_wal and wait until archived → crash the primary (immediate stop) → restore.sh into a
# new directory, start on another port, wait for promotion, compare every row with the primary's
# → the same with --target-time (only the rows up to the mark). Prints
# "restore drill: OK (<n> rows recovered)" and exits 0; anything else exits non-zero.
# Runs as root (PostgreSQL as 'postgres' via runuser) or as an ordinary user.
set -Eeuo pipefail

LTC_PROG=restore-drill.sh
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=scripts/lib/backup-common.sh
. "$here/lib/backup-common.sh"
trap 'ltc_on_error $? $LINENO "$BASH_COMMAND"' ERR

if [[ $# -gt 0 ]]; then
  sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'
  case $1 in -h|--help) exit 0 ;; *) exit 2 ;; esac
fi

ltc_require_tools
[[ -x $LTC_PG_BIN/initdb && -x $LTC_PG_BIN/pg_ctl ]] || ltc_die "initdb/pg_ctl not found in $LTC_PG_BIN"

os_user=$(ltc_pg_os_user)
started=$(date +%s%N)
work=$(mktemp -d /tmp/ltc-restore-drill.XXXXXX)
clusters=()   # data directories whose postmaster this drill started

cleanup() {
  local status=$? dir pid
  trap - ERR
  for dir in "${clusters[@]}"; do
    [[ -f $dir/postmaster.pid ]] || continue
    ltc_as_user "$os_user" "$LTC_PG_BIN/pg_ctl" -D "$dir" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
    if [[ -f $dir/postmaster.pid ]]; then  # pg_ctl failed: end the postmaster this drill started
      pid=$(head -n 1 "$dir/postmaster.pid")
      if [[ $pid =~ ^[0-9]+$ ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
  done
  if [[ $status -ne 0 ]]; then
    for dir in "$work"/*.log; do
      [[ -f $dir && $dir != */initdb.log ]] || continue  # (initdb's failure is reported by itself)
      echo "--- last lines of ${dir##*/}:" >&2
      tail -n 15 -- "$dir" >&2
    done
  fi
  ltc_cleanup_run
  rm -rf -- "$work"
  exit "$status"
}
trap cleanup EXIT

# The PostgreSQL user must reach everything here. wal-archive.sh is copied in, because the
# checkout may live where that user cannot enter (and it runs via bash: /tmp may be noexec).
chmod 0700 -- "$work"
mkdir -p -- "$work/bin" "$work/archive" "$work/backup/base" "$work/sock-primary" "$work/sock-restored"
cp -- "$here/wal-archive.sh" "$work/bin/wal-archive.sh"
chmod 0755 -- "$work/bin/wal-archive.sh"
[[ $(id -u) -eq 0 && $os_user != root ]] && chown -R -- "$os_user" "$work"

port_in_use() {
  local port=$1
  if command -v ss >/dev/null; then
    [[ -n $(ss -Htan "( sport = :$port )" 2>/dev/null) ]] && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# free_port <other port to avoid>: a port from 55400-55499 nobody listens on (random start).
free_port() {
  local avoid=${1:-0} offset port i
  offset=$(( RANDOM % 100 ))
  for (( i = 0; i < 100; i++ )); do
    port=$(( 55400 + (offset + i) % 100 ))
    [[ $port -ne $avoid ]] && ! port_in_use "$port" && { echo "$port"; return 0; }
  done
  ltc_die "no free port in 55400-55499"
}

# start_cluster <data dir> <socket dir> <log> [port to avoid]: starts on a free port (set in
# STARTED_PORT), retrying with another one if it was taken meanwhile; records the data dir for
# the cleanup.
start_cluster() {
  local dir=$1 sock=$2 log=$3 avoid=${4:-0} port
  clusters+=("$dir")
  for _ in 1 2 3 4 5; do
    port=$(free_port "$avoid")
    if ltc_as_user "$os_user" "$LTC_PG_BIN/pg_ctl" -D "$dir" -l "$log" -w -t 30 \
        -o "-p $port -k $sock -c listen_addresses=127.0.0.1" start >/dev/null; then
      STARTED_PORT=$port
      return 0
    fi
    grep -q -E 'could not (bind|create listen socket)|Address already in use' "$log" || break
  done
  ltc_die "could not start the cluster in $dir (see above)"
}

# lap <name>: records the seconds since the previous lap (the drill prints them at the end).
laps=() lap_start=$(date +%s%N)
lap() {
  local now ms
  now=$(date +%s%N)
  ms=$(( (now - lap_start) / 1000000 ))
  laps+=("$1 $(( ms / 1000 )).$(printf '%03d' $(( ms % 1000 )))s")
  lap_start=$now
}

sql() {  # sql <port> <socket dir> <statement>
  ltc_psql "$os_user" "$2" "$1" drill "$3"
}

# --- the primary ---------------------------------------------------------------------------
primary=$work/primary
ltc_as_user "$os_user" "$LTC_PG_BIN/initdb" -D "$primary" -U "$os_user" -E UTF8 --locale=C.UTF-8 \
  --auth-local=peer --auth-host=reject --no-sync >"$work/initdb.log" 2>&1 \
  || ltc_die "initdb failed: $(tail -n 5 "$work/initdb.log")"
cat >>"$primary/postgresql.conf" <<CONF

# restore drill
wal_level = replica
archive_mode = on
archive_command = '/bin/bash $work/bin/wal-archive.sh %p %f $work/archive'
archive_timeout = 0
max_wal_senders = 4
shared_buffers = 16MB
fsync = off
log_min_messages = warning
CONF
start_cluster "$primary" "$work/sock-primary" "$work/primary.log"
primary_port=$STARTED_PORT
ltc_psql "$os_user" "$work/sock-primary" "$primary_port" postgres "CREATE DATABASE drill" >/dev/null
lap "primary up"

sql "$primary_port" "$work/sock-primary" "
  CREATE TABLE drill_rows (id bigserial PRIMARY KEY, batch int NOT NULL, note text NOT NULL,
                           created_at timestamptz NOT NULL DEFAULT clock_timestamp());
  INSERT INTO drill_rows (batch, note) SELECT 1, md5(g::text) FROM generate_series(1, 1000) g;" >/dev/null

# --- the base backup, exactly as backup.sh takes it -----------------------------------------
LTC_APP_ROOT=$(cd -- "$here/.." && pwd) LTC_BACKUP_LABEL="ltc restore drill" \
  ltc_take_base_backup "$os_user" "$work/sock-primary" "$primary_port" "$work/backup/base"
backup_dir=$LTC_BACKUP_DIR
lap "base backup + verification"

# --- rows after the backup, a mark for point-in-time recovery, more rows --------------------
sql "$primary_port" "$work/sock-primary" \
  "INSERT INTO drill_rows (batch, note) SELECT 2, md5(g::text) FROM generate_series(1, 500) g" >/dev/null
mark=$(sql "$primary_port" "$work/sock-primary" \
  "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
rows_at_mark=$(sql "$primary_port" "$work/sock-primary" "SELECT count(*) FROM drill_rows")
sleep 0.2
sql "$primary_port" "$work/sock-primary" \
  "INSERT INTO drill_rows (batch, note) SELECT 3, md5(g::text) FROM generate_series(1, 250) g" >/dev/null

fingerprint_sql="SELECT count(*) || ' ' || md5(string_agg(id || ':' || batch || ':' || note, ',' ORDER BY id)) FROM drill_rows"
expected=$(sql "$primary_port" "$work/sock-primary" "$fingerprint_sql")
expected_at_mark=$(sql "$primary_port" "$work/sock-primary" \
  "SELECT count(*) || ' ' || md5(string_agg(id || ':' || batch || ':' || note, ',' ORDER BY id)) FROM drill_rows WHERE id <= (SELECT max(id) FROM drill_rows WHERE batch = 2)")
[[ ${expected_at_mark%% *} == "$rows_at_mark" ]] || ltc_die "mark bookkeeping is off: $expected_at_mark vs $rows_at_mark"

# Close the current WAL segment and wait until the archiver has it: then the archive holds
# every commit above.
last_wal=$(sql "$primary_port" "$work/sock-primary" "SELECT pg_walfile_name(pg_switch_wal())")
for (( i = 0; i < 200; i++ )); do
  [[ -f $work/archive/$last_wal ]] && break
  sleep 0.1
done
[[ -f $work/archive/$last_wal ]] || ltc_die "WAL segment $last_wal was not archived within 20 s"

# The primary crashes: from here on only the backup and the archive count.
ltc_as_user "$os_user" "$LTC_PG_BIN/pg_ctl" -D "$primary" -m immediate -w -t 20 stop >/dev/null
lap "more rows, WAL archived, primary crashed"

# restore_and_check <name> <expected fingerprint> [restore.sh options…]
restore_and_check() {
  local name=$1 want=$2 dir=$work/$1 sock=$work/sock-$1 port got in_recovery i
  shift 2
  mkdir -p -- "$sock"
  [[ $(id -u) -eq 0 && $os_user != root ]] && chown -- "$os_user" "$sock"
  "$here/restore.sh" "$backup_dir" --data-dir "$dir" --wal-archive "$work/archive" \
    --socket-dir "$sock" --owner "$os_user" "$@" >"$work/restore-$name.out" \
    || ltc_die "restore.sh ($name) failed: $(cat "$work/restore-$name.out")"
  start_cluster "$dir" "$sock" "$work/$name.log" "$primary_port"
  port=$STARTED_PORT
  for (( i = 0; i < 300; i++ )); do
    in_recovery=$(ltc_psql "$os_user" "$sock" "$port" postgres "SELECT pg_is_in_recovery()" 2>/dev/null || true)
    [[ $in_recovery == f ]] && break
    sleep 0.1
  done
  [[ $in_recovery == f ]] || ltc_die "restored cluster '$name' did not finish recovery within 30 s"
  got=$(sql "$port" "$sock" "$fingerprint_sql")
  [[ $got == "$want" ]] || ltc_die "restore '$name': expected rows '$want', found '$got'"
  lap "$name: restore.sh + recovery until promoted + row check"
  ltc_as_user "$os_user" "$LTC_PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 20 stop >/dev/null
}

restore_and_check restored "$expected"
# The second restore skips pg_verifybackup: the same backup was verified twice already.
restore_and_check pitr "$expected_at_mark" --target-time "$mark" --no-verify

rows=${expected%% *}
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "base backup ${backup_dir##*/}: 1000 rows before it, $(( rows - 1000 )) after it; point-in-time restore to $mark: ${rows_at_mark} rows (as expected)"
printf '  %s\n' "${laps[@]}"
echo "drill took $(( elapsed_ms / 1000 )).$(printf '%03d' $(( elapsed_ms % 1000 ))) s"
echo "restore drill: OK ($rows rows recovered)"
