# shellcheck shell=bash
# shellcheck disable=SC2034,SC2174  # results are globals for the callers; mkdir -m is meant for the last directory only
# Shared by backup.sh, restore.sh and restore-drill.sh: source it, then call the functions.
# Defines functions and LTC_PG_BIN only; every function either succeeds or calls ltc_die.
#
# Layout of one base backup directory (<backup root>/base/<UTC timestamp>/):
#   base.tar.gz       pg_basebackup -Ft of the cluster (the compression suffix follows LTC_BACKUP_COMPRESS)
#   pg_wal.tar.gz     the WAL streamed during the backup (-X stream): the backup is consistent on its own
#   backup_manifest   PostgreSQL's manifest (per-file checksums, WAL range), read by pg_verifybackup
#   documents.tar.gz  the document store, when there is one
#   SHA256SUMS        sha256sum -c format, over every file above
#   ltc-backup.json   timestamp, versions, sizes, WAL range, start WAL segment (used for WAL pruning)
# A directory appears under its final name only when complete (written as .partial-<ts>, then renamed).

LTC_PG_BIN=${LTC_PG_BIN:-/usr/lib/postgresql/15/bin}
LTC_PROG=${LTC_PROG:-ltc-backup}
LTC_CLEANUP_PATHS=()

ltc_log()  { printf '%s: %s\n' "$LTC_PROG" "$*"; }
ltc_warn() { printf '%s: warning: %s\n' "$LTC_PROG" "$*" >&2; }
ltc_die()  { printf '%s: error: %s\n' "$LTC_PROG" "$*" >&2; exit 1; }

# ERR trap for the scripts: names the failed command, so a cron mail says what broke.
ltc_on_error() {
  local status=$1 line=$2 command=$3
  printf '%s: error: command failed (exit %s) at line %s: %s\n' "$LTC_PROG" "$status" "$line" "$command" >&2
}

# Paths removed by ltc_cleanup_run (called from the scripts' EXIT traps): half-written backups,
# verification copies.
ltc_cleanup_add() { LTC_CLEANUP_PATHS+=("$1"); }
ltc_cleanup_forget() {
  local path kept=()
  for path in "${LTC_CLEANUP_PATHS[@]}"; do [[ $path == "$1" ]] || kept+=("$path"); done
  LTC_CLEANUP_PATHS=("${kept[@]}")
}
ltc_cleanup_run() {
  local path
  for path in "${LTC_CLEANUP_PATHS[@]}"; do [[ -n $path && -e $path ]] && rm -rf -- "$path"; done
  LTC_CLEANUP_PATHS=()
}

ltc_require_tools() {
  local tool
  for tool in pg_basebackup pg_verifybackup pg_archivecleanup psql; do
    [[ -x $LTC_PG_BIN/$tool ]] || ltc_die "$LTC_PG_BIN/$tool not found (package postgresql-15 / postgresql-client-15)"
  done
  for tool in tar gzip sha256sum flock; do
    command -v "$tool" >/dev/null || ltc_die "'$tool' not found"
  done
}

# The operating-system user that runs the PostgreSQL tools: LTC_PG_OSUSER if set; otherwise,
# as root, the owner of the data directory ($1, if it exists) or 'postgres'; else the caller.
# shellcheck disable=SC2120  # called with and without the data directory
ltc_pg_os_user() {
  if [[ -n ${LTC_PG_OSUSER:-} ]]; then
    printf '%s\n' "$LTC_PG_OSUSER"
  elif [[ $(id -u) -ne 0 ]]; then
    id -un
  elif [[ -n ${1:-} && -e $1 ]]; then
    stat -c %U -- "$1"
  else
    printf 'postgres\n'
  fi
}

# Runs a command as user $1 (runuser when root), from / so that a cwd the user cannot enter
# does not matter. Pass absolute paths.
ltc_as_user() {
  local user=$1
  shift
  if [[ $(id -un) == "$user" ]]; then
    (cd / && "$@")
  elif [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u "$user" -- "$@")
  else
    ltc_die "cannot run as '$user' (not root)"
  fi
}

# ltc_psql <os user> <host or socket dir> <port> <database> <sql>: one unaligned, tuples-only answer.
ltc_psql() {
  local user=$1 host=$2 port=$3 database=$4 sql=$5
  ltc_as_user "$user" "$LTC_PG_BIN/psql" -X -w -q -A -t -v ON_ERROR_STOP=1 \
    -h "$host" -p "$port" -d "$database" -c "$sql"
}

# ltc_wal_segment_name <timeline> <LSN X/Y> <segment size in bytes>: the WAL file holding the LSN.
ltc_wal_segment_name() {
  local timeline=$1 lsn=$2 segment_size=$3
  [[ $lsn =~ ^[0-9A-Fa-f]+/[0-9A-Fa-f]+$ ]] || ltc_die "bad LSN '$lsn'"
  local position=$(( (16#${lsn%/*} << 32) | 16#${lsn#*/} ))
  local segment=$(( position / segment_size ))
  local per_id=$(( 0x100000000 / segment_size ))
  printf '%08X%08X%08X\n' "$timeline" $(( segment / per_id )) $(( segment % per_id ))
}

# The application version for the manifest: $LTC_VERSION, else <root>/VERSION (+ short git hash
# of the checkout, when the file has none).
ltc_app_version() {
  local root=$1 version hash
  if [[ -n ${LTC_VERSION:-} ]]; then printf '%s\n' "$LTC_VERSION"; return; fi
  version=$(cat -- "$root/VERSION" 2>/dev/null || echo unknown)
  if [[ $version != *+* ]]; then
    hash=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
    version=$version+$hash
  fi
  printf '%s\n' "$version"
}

ltc_json_string() {  # minimal JSON string escaping for paths, labels, versions
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

# ltc_json_field <file> <key>: the string or number value of a top-level key of ltc-backup.json.
ltc_json_field() {
  sed -n -E "s/^[[:space:]]*\"$2\": \"?([^\",]*)\"?,?\$/\1/p" -- "$1" | head -n 1
}

# The archive file of the first base backup archive in a backup directory (base.tar, base.tar.gz, …).
ltc_base_archive() {
  local dir=$1 found=()
  shopt -s nullglob
  found=("$dir"/base.ta[r] "$dir"/base.tar.*)  # [r]: a pattern, so nullglob drops it when absent
  shopt -u nullglob
  [[ ${#found[@]} -eq 1 ]] || ltc_die "expected exactly one base.tar* in '$dir', found ${#found[@]}"
  printf '%s\n' "${found[0]}"
}

# ltc_extract_base_backup <backup dir> <target dir>: unpacks base + streamed WAL into a plain data
# directory (the target must be missing or empty) and places backup_manifest beside them.
ltc_extract_base_backup() {
  local src=$1 dest=$2 base wal=() extra=() file
  base=$(ltc_base_archive "$src")
  shopt -s nullglob
  wal=("$src"/pg_wal.ta[r] "$src"/pg_wal.tar.*)
  for file in "$src"/*.tar "$src"/*.tar.*; do
    case ${file##*/} in base.tar*|pg_wal.tar*|documents.tar*) ;; *) extra+=("$file") ;; esac
  done
  shopt -u nullglob
  [[ ${#extra[@]} -eq 0 ]] || ltc_die "tablespace archives (${extra[*]##*/}) are not supported by this script"
  [[ -f $src/backup_manifest ]] || ltc_die "'$src/backup_manifest' is missing"
  mkdir -p -m 0700 -- "$dest"
  [[ -z $(ls -A -- "$dest") ]] || ltc_die "'$dest' is not empty"
  tar -xf "$base" -C "$dest" || ltc_die "extracting '$base' failed"
  if [[ ${#wal[@]} -gt 0 ]]; then
    mkdir -p -m 0700 -- "$dest/pg_wal"
    tar -xf "${wal[0]}" -C "$dest/pg_wal" || ltc_die "extracting '${wal[0]}' failed"
  fi
  cp -- "$src/backup_manifest" "$dest/backup_manifest"
}

# ltc_verify_data_dir <plain data dir with backup_manifest>: every file checksum plus the WAL
# needed for consistency (pg_verifybackup of PostgreSQL 15 reads plain directories only, hence
# the extraction).
ltc_verify_data_dir() {
  local dir=$1 output
  if ! output=$("$LTC_PG_BIN/pg_verifybackup" -q "$dir" 2>&1); then
    ltc_die "pg_verifybackup failed for '$dir': $output"
  fi
}

# ltc_check_sums <backup dir>: the SHA256SUMS written at backup time still hold.
ltc_check_sums() {
  local dir=$1 output
  [[ -f $dir/SHA256SUMS ]] || ltc_die "'$dir/SHA256SUMS' is missing"
  if ! output=$(cd "$dir" && sha256sum --quiet --strict -c SHA256SUMS 2>&1); then
    ltc_die "checksum mismatch in '$dir': $output"
  fi
}

# Holds an exclusive lock on <backup root>/.lock for the rest of the script (no parallel runs).
ltc_lock_backup_root() {
  local root=$1
  mkdir -p -- "$root"
  exec {LTC_LOCK_FD}>>"$root/.lock"
  flock -n "$LTC_LOCK_FD" || ltc_die "another backup holds '$root/.lock'"
}

# ltc_take_base_backup <os user> <host or socket dir> <port> <base dir> [documents dir]
# Takes, verifies and describes one base backup; sets LTC_BACKUP_DIR to the finished directory.
# Settings: LTC_BACKUP_COMPRESS (pg_basebackup --compress, default client-gzip:6),
# LTC_BACKUP_VERIFY (1: extract and pg_verifybackup, the default; 0: skip), LTC_BACKUP_LABEL,
# LTC_APP_ROOT (for the version), LTC_PG_SUPERUSER (database user; default: the os user's name).
ltc_take_base_backup() {
  local os_user=$1 host=$2 port=$3 base_dir=$4 documents=${5:-}
  local compress=${LTC_BACKUP_COMPRESS:-client-gzip:6}
  local started_epoch stamp staging verify_dir info output
  local server_version system_id segment_size archive_mode
  local timeline start_lsn end_lsn start_wal finished_epoch total=0 file size files_json=""
  local user_args=()
  [[ -n ${LTC_PG_SUPERUSER:-} ]] && user_args=(-U "$LTC_PG_SUPERUSER")

  # The base directory belongs to the PostgreSQL user, who writes into it.
  mkdir -p -- "$base_dir"
  [[ $(id -u) -eq 0 && $os_user != root ]] && chown -- "$os_user" "$base_dir"
  ltc_as_user "$os_user" test -w "$base_dir" -a -x "$base_dir" \
    || ltc_die "user '$os_user' cannot write into '$base_dir' (check it and its parent directories)"
  started_epoch=$(date -u +%s)
  stamp=$(date -u -d "@$started_epoch" +%Y%m%dT%H%M%SZ)
  if [[ -e $base_dir/$stamp ]]; then  # two backups within one second
    sleep 1
    started_epoch=$(date -u +%s)
    stamp=$(date -u -d "@$started_epoch" +%Y%m%dT%H%M%SZ)
  fi
  [[ ! -e $base_dir/$stamp ]] || ltc_die "'$base_dir/$stamp' already exists"

  # (psql's own error message, if any, goes straight to stderr.)
  info=$(ltc_as_user "$os_user" "$LTC_PG_BIN/psql" -X -w -q -A -t -F '|' -v ON_ERROR_STOP=1 \
      -h "$host" -p "$port" -d postgres "${user_args[@]}" -c \
      "SELECT current_setting('server_version'), system_identifier,
              (SELECT setting FROM pg_settings WHERE name = 'wal_segment_size'),
              current_setting('archive_mode')
         FROM pg_control_system()") || ltc_die "cannot query PostgreSQL at $host:$port as $os_user"
  IFS='|' read -r server_version system_id segment_size archive_mode <<<"$info"
  [[ $segment_size =~ ^[0-9]+$ ]] || ltc_die "unexpected wal_segment_size '$segment_size'"
  [[ $archive_mode == off ]] && ltc_warn "archive_mode is off on $host:$port: this backup restores, but no point-in-time recovery past it"

  staging=$base_dir/.partial-$stamp
  ltc_cleanup_add "$staging"
  mkdir -m 0700 -- "$staging"
  [[ $(id -u) -eq 0 && $os_user != root ]] && chown -- "$os_user" "$staging"

  # -X stream: the WAL written during the backup travels inside the backup (pg_wal.tar), so a
  # base backup restores to a consistent state even if the archive is damaged; the archive then
  # adds point-in-time recovery beyond it.
  if ! output=$(ltc_as_user "$os_user" "$LTC_PG_BIN/pg_basebackup" -h "$host" -p "$port" "${user_args[@]}" -w \
      -D "$staging" -F tar -X stream --compress="$compress" --checkpoint=fast \
      --label="${LTC_BACKUP_LABEL:-ltc backup $stamp}" 2>&1); then
    ltc_die "pg_basebackup from $host:$port failed: $output"
  fi

  # WAL range from PostgreSQL's manifest: { "Timeline": 1, "Start-LSN": "0/2000028", "End-LSN": "0/2000138" }
  local ranges
  ranges=$(grep -E '"Timeline": *[0-9]+, *"Start-LSN"' "$staging/backup_manifest") \
    || ltc_die "no WAL-Ranges in '$staging/backup_manifest'"
  timeline=$(head -n 1 <<<"$ranges" | sed -E 's/.*"Timeline": *([0-9]+).*/\1/')
  start_lsn=$(head -n 1 <<<"$ranges" | sed -E 's/.*"Start-LSN": *"([0-9A-F/]+)".*/\1/')
  end_lsn=$(tail -n 1 <<<"$ranges" | sed -E 's/.*"End-LSN": *"([0-9A-F/]+)".*/\1/')
  start_wal=$(ltc_wal_segment_name "$timeline" "$start_lsn" "$segment_size")

  if [[ ${LTC_BACKUP_VERIFY:-1} != 0 ]]; then
    verify_dir=$base_dir/.verify-$stamp
    ltc_cleanup_add "$verify_dir"
    ltc_extract_base_backup "$staging" "$verify_dir"
    ltc_verify_data_dir "$verify_dir"
    rm -rf -- "$verify_dir"
    ltc_cleanup_forget "$verify_dir"
  fi

  if [[ -n $documents && -d $documents ]]; then
    # Documents after the database: every file the backed-up rows name is already on disk.
    # Exit status 1 of GNU tar means "a file changed while being read": a warning, not a failure.
    local status=0
    tar -C "$(dirname -- "$documents")" -czf "$staging/documents.tar.gz" -- "$(basename -- "$documents")" || status=$?
    [[ $status -le 1 ]] || ltc_die "tar of '$documents' failed (exit $status)"
    [[ $status -eq 0 ]] || ltc_warn "documents changed while they were archived (tar exit 1); the archive is usable"
  fi

  (cd "$staging" && find . -maxdepth 1 -type f ! -name SHA256SUMS ! -name ltc-backup.json -printf '%f\n' \
      | LC_ALL=C sort | xargs -r -d '\n' sha256sum --) >"$staging/SHA256SUMS"

  while read -r sum file; do
    size=$(stat -c %s -- "$staging/$file")
    total=$(( total + size ))
    files_json+="${files_json:+,}"$'\n'"    {\"name\": $(ltc_json_string "$file"), \"size\": $size, \"sha256\": \"$sum\"}"
  done <"$staging/SHA256SUMS"

  finished_epoch=$(date -u +%s)
  cat >"$staging/ltc-backup.json" <<JSON
{
  "format": 1,
  "timestamp": "$stamp",
  "started_at": "$(date -u -d "@$started_epoch" +%Y-%m-%dT%H:%M:%SZ)",
  "finished_at": "$(date -u -d "@$finished_epoch" +%Y-%m-%dT%H:%M:%SZ)",
  "app_version": $(ltc_json_string "$(ltc_app_version "${LTC_APP_ROOT:-.}")"),
  "server_version": $(ltc_json_string "$server_version"),
  "system_identifier": "$system_id",
  "host": $(ltc_json_string "$(hostname -f 2>/dev/null || hostname)"),
  "timeline": $timeline,
  "start_lsn": "$start_lsn",
  "end_lsn": "$end_lsn",
  "start_wal": "$start_wal",
  "wal_segment_size": $segment_size,
  "compression": $(ltc_json_string "$compress"),
  "verified": $([[ ${LTC_BACKUP_VERIFY:-1} != 0 ]] && echo true || echo false),
  "documents": $([[ -f $staging/documents.tar.gz ]] && echo true || echo false),
  "size_bytes": $total,
  "files": [$files_json
  ]
}
JSON

  if [[ $(id -u) -eq 0 && $os_user != root ]]; then
    chown -R -- "$os_user:$(id -gn -- "$os_user")" "$staging"
  fi
  chmod 0600 -- "$staging"/*
  sync -- "$staging"/* "$staging"
  mv -T -- "$staging" "$base_dir/$stamp"
  ltc_cleanup_forget "$staging"
  sync -- "$base_dir"
  LTC_BACKUP_DIR=$base_dir/$stamp
  LTC_BACKUP_SIZE=$total
  LTC_BACKUP_START_WAL=$start_wal
}

# The finished base backups under <base dir>, oldest first (names are UTC timestamps).
ltc_list_base_backups() {
  local base_dir=$1 dir
  shopt -s nullglob
  for dir in "$base_dir"/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z; do
    [[ -f $dir/ltc-backup.json ]] && printf '%s\n' "$dir"
  done
  shopt -u nullglob
}

# ltc_prune_backups <base dir> <wal dir> <keep days>
# Deletes base backups older than <keep days> (the newest one always stays), leftovers of failed
# runs, and archived WAL older than the start of the oldest kept base backup (pg_archivecleanup).
# Call it while holding the lock. Sets LTC_PRUNED (count) and LTC_WAL_KEPT_FROM.
ltc_prune_backups() {
  local base_dir=$1 wal_dir=$2 keep_days=$3 cutoff dir newest oldest start_wal output
  local backups=()
  [[ $keep_days =~ ^[0-9]+$ ]] || ltc_die "LTC_BACKUP_KEEP_DAYS must be a whole number of days, not '$keep_days'"
  cutoff=$(date -u -d "-$keep_days days" +%Y%m%dT%H%M%SZ)
  LTC_PRUNED=0
  LTC_WAL_KEPT_FROM=

  mapfile -t backups < <(ltc_list_base_backups "$base_dir")
  [[ ${#backups[@]} -gt 0 ]] || return 0
  newest=${backups[-1]}
  for dir in "${backups[@]}"; do
    [[ $dir == "$newest" ]] && continue
    if [[ ${dir##*/} < $cutoff ]]; then
      rm -rf -- "$dir"
      LTC_PRUNED=$(( LTC_PRUNED + 1 ))
    fi
  done
  find "$base_dir" -mindepth 1 -maxdepth 1 -type d \( -name '.partial-*' -o -name '.verify-*' \) \
    -exec rm -rf -- {} +

  [[ -d $wal_dir ]] || return 0
  oldest=$(ltc_list_base_backups "$base_dir" | head -n 1)
  start_wal=$(ltc_json_field "$oldest/ltc-backup.json" start_wal)
  [[ $start_wal =~ ^[0-9A-F]{24}$ ]] || ltc_die "no valid start_wal in '$oldest/ltc-backup.json'"
  if ! output=$("$LTC_PG_BIN/pg_archivecleanup" "$wal_dir" "$start_wal" 2>&1); then
    ltc_die "pg_archivecleanup '$wal_dir' $start_wal failed: $output"
  fi
  # Backup history files (<segment>.<offset>.backup) of pruned base backups; like
  # pg_archivecleanup, compare without the timeline.
  local file name
  for file in "$wal_dir"/*.backup; do
    name=${file##*/}
    [[ $name =~ ^[0-9A-F]{24}\.[0-9A-F]{8}\.backup$ && ${name:8:16} < ${start_wal:8:16} ]] || continue
    rm -f -- "$file"
  done
  # Temporary files of wal-archive.sh runs that were killed.
  find "$wal_dir" -maxdepth 1 -type f -name '.*.tmp.*' -mmin +1440 -delete
  LTC_WAL_KEPT_FROM=$start_wal
}
