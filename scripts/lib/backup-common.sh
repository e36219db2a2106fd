# shellcheck shell=bash
# shellcheck disable=SC2034  # the settings are globals for the callers
# Shared by scripts/backup, scripts/restore and scripts/status: the backup settings from the
# environment file, and the one way each of them runs pgBackRest (database) and restic
# (documents). Source it, then call ltc_load_settings.
#
# Settings (environment file, or exported by the caller, which wins):
#   LTC_VAR_DIR                 default <checkout>/var
#   LTC_ENV_FILE                default $LTC_VAR_DIR/ltc.env (missing is fine when the variables
#                               come from the environment)
#   LTC_PG_PORT                 PostgreSQL port (required)
#   LTC_PG_HOST                 socket directory (default $LTC_VAR_DIR/pg/socket)
#   LTC_PG_DATA_DIR             the cluster's data directory (default $LTC_VAR_DIR/pg/data)
#   LTC_PG_OSUSER               OS user of the cluster (default as root: the owner of the data
#                               directory, else postgres; otherwise the caller)
#   LTC_PGBACKREST_CONFIG       written by `scripts/backup configure`
#                               (default $LTC_VAR_DIR/pgbackrest/pgbackrest.conf)
#   LTC_BACKUP_REPO_PATH        repository 1 (default $LTC_VAR_DIR/backup/pgbackrest)
#   LTC_BACKUP_CIPHER_PASS      passphrase of repository 1 (aes-256-cbc), required
#   LTC_BACKUP_FULL_RETENTION   full backups kept (default 4: four weeks of weekly fulls)
#   LTC_BACKUP_DIFF_RETENTION   differential backups kept (default 7)
#   LTC_BACKUP_REPO2_TYPE       empty (no second repository) or s3
#   LTC_BACKUP_REPO2_PATH       path inside the bucket, e.g. /ltc
#   LTC_BACKUP_REPO2_OPTIONS    further repo2-* settings, space separated key=value, e.g.
#                               "repo2-s3-bucket=b repo2-s3-endpoint=s3.example repo2-s3-region=eu
#                                repo2-s3-key=… repo2-s3-key-secret=…"
#   LTC_BACKUP_REPO2_CIPHER_PASS  passphrase of repository 2 (default LTC_BACKUP_CIPHER_PASS)
#   LTC_STORAGE_DIR             the document store (default $LTC_VAR_DIR/storage)
#   LTC_DOCUMENTS_BACKUP_REPO   restic repository 1 (default $LTC_VAR_DIR/backup/documents)
#   LTC_DOCUMENTS_BACKUP_REPO2  optional restic repository off the host, e.g.
#                               s3:https://s3.example/bucket/ltc-documents (AWS_ACCESS_KEY_ID and
#                               AWS_SECRET_ACCESS_KEY from the same file)
#   LTC_DOCUMENTS_BACKUP_PASSWORD  restic password (both repositories), required
#   LTC_DOCUMENTS_KEEP_DAYS     document snapshots kept (default 35)
#   LTC_BACKUP_METRICS_FILE     node_exporter textfile (default $LTC_VAR_DIR/ltc-backup.prom)

LTC_PROG=${LTC_PROG:-ltc-backup}
LTC_STANZA=ltc

ltc_log()  { printf '%s: %s\n' "$LTC_PROG" "$*"; }
ltc_die()  { printf '%s: error: %s\n' "$LTC_PROG" "$*" >&2; exit 1; }

# ERR trap for the scripts: names the failed command, so a cron mail says what broke.
ltc_on_error() {
  printf '%s: error: command failed (exit %s) at line %s: %s\n' "$LTC_PROG" "$1" "$2" "$3" >&2
}

ltc_load_settings() {
  local app_root caller_overrides env_file
  app_root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
  var_dir=${LTC_VAR_DIR:-$app_root/var}
  env_file=${LTC_ENV_FILE:-$var_dir/ltc.env}
  if [[ -f $env_file ]]; then
    caller_overrides=$(export -p | grep -E '^declare -x (LTC_[A-Z0-9_]+|AWS_[A-Z_]+)=' || true)
    set -a
    # shellcheck disable=SC1090
    . "$env_file"
    eval "$caller_overrides"
    set +a
  elif [[ -n ${LTC_ENV_FILE:-} ]]; then
    ltc_die "LTC_ENV_FILE '$env_file' does not exist"
  fi
  var_dir=${LTC_VAR_DIR:-$var_dir}
  [[ -n ${LTC_PG_PORT:-} ]] || ltc_die "LTC_PG_PORT is not set (no '$env_file'?)"
  pg_port=$LTC_PG_PORT
  pg_host=${LTC_PG_HOST:-$var_dir/pg/socket}
  pg_data=${LTC_PG_DATA_DIR:-$var_dir/pg/data}
  if [[ -n ${LTC_PG_OSUSER:-} ]]; then pg_user=$LTC_PG_OSUSER
  elif [[ $(id -u) -ne 0 ]]; then pg_user=$(id -un)
  elif [[ -e $pg_data ]]; then pg_user=$(stat -c %U -- "$pg_data")
  else pg_user=postgres
  fi
  backup_config=${LTC_PGBACKREST_CONFIG:-$var_dir/pgbackrest/pgbackrest.conf}
  backup_repo=${LTC_BACKUP_REPO_PATH:-$var_dir/backup/pgbackrest}
  documents_dir=${LTC_STORAGE_DIR:-$var_dir/storage}
  documents_repos=("${LTC_DOCUMENTS_BACKUP_REPO:-$var_dir/backup/documents}")
  [[ -n ${LTC_DOCUMENTS_BACKUP_REPO2:-} ]] && documents_repos+=("$LTC_DOCUMENTS_BACKUP_REPO2")
  metrics_file=${LTC_BACKUP_METRICS_FILE:-$var_dir/ltc-backup.prom}
}

# Runs a command as the cluster's OS user, from / (the caller's cwd may be closed to it).
ltc_as_pg() {
  if [[ $(id -un) == "$pg_user" ]]; then (cd / && "$@"); else (cd / && runuser -u "$pg_user" -- "$@"); fi
}

ltc_pgbackrest() { ltc_as_pg pgbackrest --config="$backup_config" --stanza="$LTC_STANZA" "$@"; }

# ltc_restic <repository> <restic arguments…>
ltc_restic() {
  local repo=$1
  shift
  [[ -n ${LTC_DOCUMENTS_BACKUP_PASSWORD:-} ]] || ltc_die "LTC_DOCUMENTS_BACKUP_PASSWORD is not set"
  mkdir -p -- "$var_dir/backup/restic-cache"
  RESTIC_PASSWORD=$LTC_DOCUMENTS_BACKUP_PASSWORD RESTIC_CACHE_DIR=$var_dir/backup/restic-cache \
    restic --repo "$repo" --quiet "$@"
}

# ltc_record_metric <kind> <duration seconds>: the last success of one backup kind (full, diff,
# documents) in the node_exporter textfile; the other kinds' samples stay as they are.
ltc_record_metric() {
  local kind=$1 duration=$2 tmp name help value
  tmp=$metrics_file.$$.tmp
  {
    for name in last_success_timestamp_seconds last_duration_seconds; do
      help="End of the last successful backup of this kind."
      value=$(date +%s)
      [[ $name == last_duration_seconds ]] && help="Duration of the last successful backup of this kind." value=$duration
      echo "# HELP ltc_backup_$name $help"
      echo "# TYPE ltc_backup_$name gauge"
      if [[ -f $metrics_file ]]; then grep -E "^ltc_backup_$name\{" "$metrics_file" | grep -v "{kind=\"$kind\"}" || true; fi
      echo "ltc_backup_$name{kind=\"$kind\"} $value"
    done
  } >"$tmp"
  chmod 0644 -- "$tmp"
  mv -f -- "$tmp" "$metrics_file"
}
