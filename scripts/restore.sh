#!/usr/bin/env bash
# Restores a base backup made by backup.sh into a NEW data directory, set up for archive recovery.
#
#   scripts/restore.sh <base backup dir> --data-dir <new dir> [--target-time <ISO 8601>]
#                      [--wal-archive <dir>] [--port <n>] [--socket-dir <dir>] [--owner <user>]
#                      [--documents-dir <new dir>] [--keep-archiving] [--no-verify]
#
#   <base backup dir>  e.g. /var/lib/lifetimecircle/backup/base/20260301T021500Z
#   --data-dir         must not exist or be empty: this script never writes over a cluster
#   --target-time      stop replaying WAL at this time (recovery_target_time), e.g.
#                      2026-03-01T14:05:00+01:00; default: replay all archived WAL
#   --wal-archive      default: the wal/ directory beside the base/ directory of the backup
#   --port, --socket-dir  written into postgresql.auto.conf, for a restore beside a running
#                      cluster (also clears external_pid_file); default: as in the backup
#   --owner            OS user owning the data directory (default: postgres as root, else you)
#   --documents-dir    also unpack documents.tar.gz into this new directory
#   --keep-archiving   leave archive_mode as in the backup. Default: archive_mode = off, so that a
#                      restored copy never writes a new timeline into the production archive; use
#                      it when the restored cluster becomes the new primary.
#   --no-verify        skip pg_verifybackup after extraction (checksums are still compared)
#
# The checksums of the backup (SHA256SUMS) are checked first, then the extracted directory is
# verified against PostgreSQL's backup_manifest. Recovery settings go into postgresql.auto.conf
# with recovery.signal; after recovery the cluster promotes itself (recovery_target_action).
set -Eeuo pipefail

LTC_PROG=restore.sh
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=scripts/lib/backup-common.sh
. "$here/lib/backup-common.sh"
trap 'ltc_on_error $? $LINENO "$BASH_COMMAND"' ERR
data_dir_created=0 restored=0
cleanup() {
  ltc_cleanup_run
  # On failure: remove what this script put into the data directory, nothing else.
  if [[ $restored -eq 0 && -n ${data_dir:-} && -d $data_dir ]]; then
    if [[ $data_dir_created -eq 1 ]]; then rm -rf -- "$data_dir"; else find "$data_dir" -mindepth 1 -delete; fi
  fi
}
trap cleanup EXIT

usage() { sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

backup='' data_dir='' target_time='' wal_archive='' port='' socket_dir='' owner='' documents_dir=''
keep_archiving=0 verify=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --data-dir) data_dir=${2:?--data-dir needs a value}; shift 2 ;;
    --target-time) target_time=${2:?--target-time needs a value}; shift 2 ;;
    --wal-archive) wal_archive=${2:?--wal-archive needs a value}; shift 2 ;;
    --port) port=${2:?--port needs a value}; shift 2 ;;
    --socket-dir) socket_dir=${2:?--socket-dir needs a value}; shift 2 ;;
    --owner) owner=${2:?--owner needs a value}; shift 2 ;;
    --documents-dir) documents_dir=${2:?--documents-dir needs a value}; shift 2 ;;
    --keep-archiving) keep_archiving=1; shift ;;
    --no-verify) verify=0; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) ltc_die "unknown option '$1' (see --help)" ;;
    *) [[ -z $backup ]] || ltc_die "only one base backup directory, please"; backup=$1; shift ;;
  esac
done
[[ -n $backup && -n $data_dir ]] || { usage >&2; exit 2; }

[[ -d $backup ]] || ltc_die "base backup '$backup' is not a directory"
backup=$(cd -- "$backup" && pwd)
[[ -f $backup/ltc-backup.json ]] || ltc_die "'$backup' has no ltc-backup.json: not a complete backup.sh backup"
data_dir=$(realpath -m -- "$data_dir")
if [[ -e $data_dir ]]; then
  [[ -d $data_dir ]] || ltc_die "'$data_dir' exists and is not a directory"
  if [[ -n $(ls -A -- "$data_dir") ]]; then
    bad_dir=$data_dir data_dir=  # keep the cleanup away from it
    ltc_die "'$bad_dir' exists and is not empty: restore into a new directory"
  fi
else
  data_dir_created=1
fi
[[ -z $port || $port =~ ^[0-9]+$ ]] || ltc_die "--port must be a number"
[[ -z $wal_archive ]] && wal_archive=$(dirname -- "$(dirname -- "$backup")")/wal
wal_archive=$(realpath -m -- "$wal_archive")
[[ -d $wal_archive ]] || ltc_die "WAL archive '$wal_archive' does not exist (give --wal-archive)"
[[ -z $socket_dir ]] || socket_dir=$(realpath -m -- "$socket_dir")
for path in "$wal_archive" "$socket_dir"; do
  [[ $path != *[\'\"\\]* ]] || ltc_die "paths with quotes or backslashes are not supported: '$path'"
done
[[ -n $owner ]] || owner=$(ltc_pg_os_user)
id -u -- "$owner" >/dev/null 2>&1 || ltc_die "no such user '$owner'"
if [[ -n $documents_dir ]]; then
  documents_dir=$(realpath -m -- "$documents_dir")
  [[ -f $backup/documents.tar.gz ]] || ltc_die "this backup holds no documents.tar.gz"
  [[ ! -e $documents_dir || -z $(ls -A -- "$documents_dir") ]] || ltc_die "'$documents_dir' exists and is not empty"
fi

finished_at=$(ltc_json_field "$backup/ltc-backup.json" finished_at)
if [[ -n $target_time ]]; then
  # Normalised to UTC with an explicit offset; a time without an offset means local time.
  target_epoch=$(date -u -d "$target_time" +%s 2>/dev/null) || ltc_die "cannot parse --target-time '$target_time'"
  target_time=$(date -u -d "$target_time" '+%Y-%m-%d %H:%M:%S.%6N' | sed -E 's/\.?0*$//')+00
  if [[ -n $finished_at ]] && (( target_epoch < $(date -u -d "$finished_at" +%s) )); then
    ltc_die "target time $target_time lies before the end of this base backup ($finished_at): use an older base backup"
  fi
fi

ltc_log "checking checksums of ${backup##*/}"
ltc_check_sums "$backup"
ltc_log "extracting into $data_dir"
ltc_extract_base_backup "$backup" "$data_dir"
if [[ $verify -eq 1 ]]; then
  ltc_log "verifying with pg_verifybackup"
  ltc_verify_data_dir "$data_dir"
fi

{
  echo
  echo "# Added by restore.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ) from $backup."
  echo "# Remove the recovery lines once the cluster has been promoted."
  echo "restore_command = '[ -f \"$wal_archive/%f\" ] && cp \"$wal_archive/%f\" \"%p\"'"
  echo "recovery_target_action = 'promote'"
  echo "recovery_target_timeline = 'latest'"
  [[ -n $target_time ]] && echo "recovery_target_time = '$target_time'"
  [[ $keep_archiving -eq 1 ]] || echo "archive_mode = 'off'"
  [[ -n $port ]] && echo "port = $port" && echo "external_pid_file = ''"
  [[ -n $socket_dir ]] && echo "unix_socket_directories = '$socket_dir'"
  true
} >>"$data_dir/postgresql.auto.conf"
: >"$data_dir/recovery.signal"

if [[ $(id -u) -eq 0 ]]; then
  chown -R -- "$owner:$(id -gn -- "$owner")" "$data_dir"
fi
chmod 0700 -- "$data_dir"
ltc_as_user "$owner" test -r "$data_dir/PG_VERSION" \
  || ltc_die "user '$owner' cannot read '$data_dir' (check the permissions of its parent directories)"

if [[ -n $documents_dir ]]; then
  ltc_cleanup_add "$documents_dir"
  mkdir -p -- "$documents_dir"
  tar -xzf "$backup/documents.tar.gz" -C "$documents_dir" --strip-components=1
  ltc_cleanup_forget "$documents_dir"
fi
restored=1

run_as=
[[ $(id -un) == "$owner" ]] || run_as="runuser -u $owner -- "
ltc_log "restored base backup ${backup##*/} (finished $finished_at) into $data_dir"
echo "  WAL archive:     $wal_archive"
echo "  recovery target: ${target_time:-end of the archived WAL}"
if [[ $keep_archiving -eq 1 ]]; then
  echo "  archiving:       as in the backup (this cluster will archive a new timeline)"
else
  echo "  archiving:       off. If this cluster becomes the primary, set archive_mode back, restart"
  echo "                   it, and take a new base backup (scripts/backup.sh)."
fi
echo
if [[ -f $data_dir/postgresql.conf ]]; then
  echo "Start it with:"
  echo "  ${run_as}$LTC_PG_BIN/pg_ctl -D $data_dir -l $data_dir/restore.log start"
else
  echo "This backup has no postgresql.conf (Debian cluster layout: it lives in /etc/postgresql/15/<name>/)."
  echo "As the cluster's new data directory (the old one moved aside, never deleted first):"
  echo "  systemctl start postgresql@15-main"
  echo "Beside the running cluster (with --port/--socket-dir): copy pg_hba.conf and pg_ident.conf from"
  echo "/etc/postgresql/15/main/ into $data_dir, create an empty postgresql.conf there (owner $owner), then"
  echo "  ${run_as}$LTC_PG_BIN/pg_ctl -D $data_dir -l $data_dir/restore.log start"
fi
echo "It replays the archived WAL and then promotes itself. Recovery is over when"
echo "  ${run_as}$LTC_PG_BIN/psql -h ${socket_dir:-<socket dir>} -p ${port:-<port>} -d postgres -Atc 'SELECT pg_is_in_recovery()'"
echo "prints 'f' (the server log names the last transaction replayed)."
