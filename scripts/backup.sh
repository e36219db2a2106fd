#!/usr/bin/env bash
# Base backup of the LifeTimeCircle PostgreSQL cluster (+ the document store), then pruning.
#
#   scripts/backup.sh [--no-prune]
#
# Reads LTC_VAR_DIR (default: <checkout>/var) and $LTC_VAR_DIR/ltc.env (LTC_ENV_FILE overrides the
# path; a missing file is fine when the variables come from the environment, as in production;
# LTC_* variables set by the caller win over the file).
#   LTC_PG_PORT            PostgreSQL port (required)
#   LTC_PG_HOST            socket directory or host (default: $LTC_VAR_DIR/pg/socket, else $LTC_VAR_DIR/run)
#   LTC_PG_OSUSER          OS user that runs the PostgreSQL tools (default as root: the owner of
#                          $LTC_VAR_DIR/pg/data, or postgres; otherwise the caller)
#   LTC_BACKUP_ROOT        default $LTC_VAR_DIR/backup (holds base/ and wal/)
#   LTC_DOCUMENTS_DIR      default $LTC_STORAGE_DIR, else $LTC_VAR_DIR/storage (archived when it exists)
#   LTC_BACKUP_KEEP_DAYS   default 14: older base backups go, the newest always stays; archived WAL
#                          older than the oldest kept base backup goes (pg_archivecleanup)
#   LTC_BACKUP_COMPRESS    default client-gzip:6 (pg_basebackup --compress)
#   LTC_BACKUP_VERIFY      default 1: extract into a scratch directory and run pg_verifybackup
#   LTC_BACKUP_METRICS_FILE  optional: node_exporter textfile (*.prom) with the last success time
#
# Output: one summary line on stdout when all went well; on any failure a message on stderr and a
# non-zero exit status (cron mails it; the systemd unit fails). Why -X stream: see backup-common.sh.
set -Eeuo pipefail

LTC_PROG=backup.sh
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
app_root=$(cd -- "$here/.." && pwd -P)
# shellcheck source=scripts/lib/backup-common.sh
. "$here/lib/backup-common.sh"
trap 'ltc_on_error $? $LINENO "$BASH_COMMAND"' ERR
trap ltc_cleanup_run EXIT

prune=1
for arg in "$@"; do
  case $arg in
    --no-prune) prune=0 ;;
    -h|--help) sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) ltc_die "unknown argument '$arg' (see --help)" ;;
  esac
done

var_dir=${LTC_VAR_DIR:-$app_root/var}
env_file=${LTC_ENV_FILE:-$var_dir/ltc.env}
if [[ -f $env_file ]]; then
  # Variables the caller exported win over the file (as in scripts/stack.sh).
  caller_overrides=$(export -p | grep -E '^declare -x LTC_[A-Z0-9_]+=' || true)
  set -a
  # shellcheck disable=SC1090
  . "$env_file"
  eval "$caller_overrides"
  set +a
elif [[ -n ${LTC_ENV_FILE:-} ]]; then
  ltc_die "LTC_ENV_FILE '$env_file' does not exist"
fi
var_dir=${LTC_VAR_DIR:-$var_dir}
[[ -n ${LTC_PG_PORT:-} ]] || ltc_die "LTC_PG_PORT is not set (no '$env_file'? run 'make run' first, or set the LTC_PG_* variables)"
[[ -d $var_dir ]] || ltc_die "LTC_VAR_DIR '$var_dir' does not exist"

if [[ -n ${LTC_PG_HOST:-} ]]; then
  pg_host=$LTC_PG_HOST
else  # the local stack's socket directory (pg/socket, or run/ in older layouts)
  pg_host=$var_dir/pg/socket
  [[ -S $pg_host/.s.PGSQL.$LTC_PG_PORT ]] || pg_host=$var_dir/run
fi
backup_root=${LTC_BACKUP_ROOT:-$var_dir/backup}
documents=${LTC_DOCUMENTS_DIR:-${LTC_STORAGE_DIR:-$var_dir/storage}}
keep_days=${LTC_BACKUP_KEEP_DAYS:-14}
os_user=$(ltc_pg_os_user "$var_dir/pg/data")
export LTC_APP_ROOT=$app_root

ltc_require_tools
[[ $keep_days =~ ^[0-9]+$ ]] || ltc_die "LTC_BACKUP_KEEP_DAYS must be a whole number of days, not '$keep_days'"
umask 077
if [[ ! -d $backup_root ]]; then
  # shellcheck disable=SC2174
  mkdir -p -m 0700 -- "$backup_root"
  [[ $(id -u) -eq 0 && $os_user != root ]] && chown -- "$os_user" "$backup_root"
fi
ltc_lock_backup_root "$backup_root"

started=$(date +%s)
ltc_take_base_backup "$os_user" "$pg_host" "$LTC_PG_PORT" "$backup_root/base" "$documents"
summary="base backup ${LTC_BACKUP_DIR##*/} done: $(numfmt --to=iec --suffix=B "$LTC_BACKUP_SIZE")"
[[ ${LTC_BACKUP_VERIFY:-1} != 0 ]] && summary+=", verified"
[[ -f $LTC_BACKUP_DIR/documents.tar.gz ]] && summary+=", documents included"

if [[ $prune -eq 1 ]]; then
  ltc_prune_backups "$backup_root/base" "$backup_root/wal" "$keep_days"
  summary+="; pruned $LTC_PRUNED base backup(s) older than $keep_days days"
  [[ -n $LTC_WAL_KEPT_FROM ]] && summary+=", WAL kept from $LTC_WAL_KEPT_FROM"
fi
duration=$(( $(date +%s) - started ))

if [[ -n ${LTC_BACKUP_METRICS_FILE:-} ]]; then
  metrics_tmp=$LTC_BACKUP_METRICS_FILE.$$.tmp
  ltc_cleanup_add "$metrics_tmp"
  cat >"$metrics_tmp" <<PROM
# HELP ltc_backup_last_success_timestamp_seconds End of the last successful base backup.
# TYPE ltc_backup_last_success_timestamp_seconds gauge
ltc_backup_last_success_timestamp_seconds $(date +%s)
# HELP ltc_backup_last_size_bytes Size of the last successful base backup.
# TYPE ltc_backup_last_size_bytes gauge
ltc_backup_last_size_bytes $LTC_BACKUP_SIZE
# HELP ltc_backup_last_duration_seconds Duration of the last successful backup run.
# TYPE ltc_backup_last_duration_seconds gauge
ltc_backup_last_duration_seconds $duration
PROM
  chmod 0644 -- "$metrics_tmp"
  mv -f -- "$metrics_tmp" "$LTC_BACKUP_METRICS_FILE"
fi

ltc_log "$summary (${duration}s)"
