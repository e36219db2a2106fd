#!/usr/bin/env bash
# PostgreSQL archive_command: copies one WAL segment into the WAL archive, atomically.
#
#   archive_command = '/path/to/scripts/wal-archive.sh %p %f /path/to/backup/wal'
#
# %p is relative to the data directory (PostgreSQL runs the command there), %f is the bare file
# name. The archive directory is an argument so that PostgreSQL needs no environment.
# The copy goes to a hidden temporary name in the archive, is fsynced, and is then renamed
# without replacing anything; the directory is fsynced too. An archived file with the same name
# and the same content counts as success (PostgreSQL retries a segment whose first attempt crashed
# after the rename); a different file of that name is never overwritten: exit 1, and PostgreSQL
# keeps the segment and retries, which shows up in pg_stat_archiver.failed_count.
set -euo pipefail

die() { echo "wal-archive.sh: $*" >&2; exit 1; }

[[ $# -eq 3 ]] || die "usage: wal-archive.sh <%p> <%f> <archive dir>"
src=$1 name=$2 archive=$3

[[ $name =~ ^[0-9A-Za-z._-]+$ && $name != .* ]] || die "refusing unexpected file name '$name'"
[[ -f $src ]] || die "source '$src' does not exist (cwd $(pwd))"
[[ $archive == /* ]] || die "archive directory must be an absolute path: '$archive'"
# shellcheck disable=SC2174  # 0700 for the archive directory itself
[[ -d $archive ]] || mkdir -p -m 0700 -- "$archive" || die "cannot create archive directory '$archive'"

dest=$archive/$name
if [[ -e $dest ]]; then
  cmp -s -- "$src" "$dest" && exit 0
  die "'$dest' already exists with different content; not overwriting (is a second cluster archiving into '$archive'?)"
fi

tmp=$archive/.$name.tmp.$$
trap 'rm -f -- "$tmp"' EXIT
cp -- "$src" "$tmp" || die "copy of '$src' to '$tmp' failed"
sync -- "$tmp" || die "fsync of '$tmp' failed"
# mv -n never replaces an existing file (renameat2 RENAME_NOREPLACE); if something appeared
# meanwhile, the temporary file stays behind and is judged below
# (coreutils differ in mv -n's exit status when it skips, so the outcome is judged by the files.)
mv -n -T -- "$tmp" "$dest" 2>/dev/null || true
if [[ -e $tmp ]]; then
  [[ -e $dest ]] || die "rename of '$tmp' to '$dest' failed"
  cmp -s -- "$tmp" "$dest" && exit 0
  die "'$dest' appeared meanwhile with different content; not overwriting"
fi
sync -- "$archive" || die "fsync of directory '$archive' failed"
