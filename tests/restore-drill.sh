#!/usr/bin/env bash
# The application restore drill, the last phase of scripts/test.sh, against the running test
# stack (LTC_VAR_DIR and the ports as scripts/test.sh exports them):
#   batch a through the API (owner, vehicle, entry, document) → scripts/backup full →
#   batch b → mark a time → batch c → scripts/backup documents → wait until the WAL holding c is
#   archived (the measured RPO) → destroy the cluster and the document store → scripts/restore →
#   `ltc verify` (same row counts as before the loss, sealed columns open, files match) and the
#   API (a, b, c answer as before) → destroy again → scripts/restore --target-time <mark> →
#   `ltc verify` (row counts as at the mark) and the API (a, b answer; c is gone) → a damaged
#   document file and another secret make `ltc verify` fail. Prints the laps; exits non-zero
#   on any difference.
set -Eeuo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib/stack-common.sh
source "$ROOT/scripts/lib/stack-common.sh"
BIN=$ROOT/build/bin
LOG=$VAR/restore-drill.log
: >"$LOG"

fail() { echo "restore drill: $*" >&2; echo "--- last lines of $LOG:" >&2; tail -n 20 "$LOG" >&2; exit 1; }
trap 'fail "command failed at line $LINENO: $BASH_COMMAND"' ERR

laps=() lap_start=$(date +%s%N) drill_start=$(date +%s)
lap() {
    local now
    now=$(date +%s%N)
    laps+=("$(printf '%-58s %6.1f s' "$1" "$(bc <<<"scale=1; ($now - $lap_start) / 1000000000")")")
    lap_start=$now
}

ltc() { "$ROOT/scripts/ltc-local.sh" "$@"; }
write_batch() {
    LTC_DRILL_BATCH=$1 "$BIN/integration-tests" --run_test=@restore_drill_write >>"$LOG" 2>&1 \
        || fail "writing batch $1 through the API failed"
}
check_batches() {  # check_batches <present> <absent>
    LTC_DRILL_PRESENT=$1 LTC_DRILL_ABSENT=$2 "$BIN/integration-tests" --run_test=@restore_drill_check >>"$LOG" 2>&1 \
        || fail "after the restore, the API does not answer as expected (present: $1; absent: ${2:-none})"
}
verified_rows() {  # `ltc verify` must pass; prints its row counts
    local out
    out=$(ltc verify 2>&1) || fail "ltc verify failed: $out"
    grep '^rows:' <<<"$out"
}
archived_wal() { psql_super -d postgres -Atc "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver"; }
# The cluster and the document store go; nginx, the workers and the mailer stay up and
# reconnect to the restored cluster, as in production (docs/operations.md, Restore).
destroy() {
    "$ROOT/scripts/stack.sh" pg-stop >>"$LOG" 2>&1
    rm -rf -- "$VAR/pg/data" "$STORAGE"
}
restore_and_start() {
    "$ROOT/scripts/restore" "$@" >>"$LOG" 2>&1 || fail "scripts/restore $* failed"
    "$ROOT/scripts/stack.sh" pg-start >>"$LOG" 2>&1 || fail "PostgreSQL did not start on the restored data"
    # Every worker lost its connection with the old cluster: each answers 503 until it has
    # reconnected (and for a second after a failed attempt). Healthy = 8 answers 200 in a row,
    # so that the requests reach every worker of the pool.
    local in_a_row=0
    for _ in $(seq 1 80); do
        if curl -skf -o /dev/null --max-time 3 "$LTC_BASE_URL/api/health"; then
            in_a_row=$((in_a_row + 1))
            ((in_a_row >= 8)) && return 0
        else
            in_a_row=0
            sleep 0.5
        fi
    done
    fail "/api/health does not answer 200 steadily after the restore"
}

rm -rf -- "$VAR/restore-drill"
write_batch a
"$ROOT/scripts/backup" full >>"$LOG" 2>&1 || fail "scripts/backup full failed"
for kind in full documents; do
    stamp=$(sed -n "s/^ltc_backup_last_success_timestamp_seconds{kind=\"$kind\"} //p" "$VAR/ltc-backup.prom")
    (( ${stamp:-0} >= drill_start )) || fail "scripts/backup full did not record kind=$kind in $VAR/ltc-backup.prom"
done
lap "batch a, full backup (database + documents)"

write_batch b
rows_at_mark=$(verified_rows)
sleep 1
mark=$(date -u '+%Y-%m-%d %H:%M:%S.%6N+00')
sleep 1
write_batch c
written=$(date +%s.%N)
wal_of_c=$(psql_super -d postgres -Atc "SELECT pg_walfile_name(pg_current_wal_lsn())")
rows_newest=$(verified_rows)
"$ROOT/scripts/backup" documents >>"$LOG" 2>&1 || fail "scripts/backup documents failed"
lap "batches b and c, documents backup"

# No pg_switch_wal: archive_timeout closes the segment, as it would after a crash.
for _ in $(seq 1 180); do
    [[ $(archived_wal) > $wal_of_c || $(archived_wal) == "$wal_of_c" ]] && break
    sleep 0.5
done
[[ $(archived_wal) > $wal_of_c || $(archived_wal) == "$wal_of_c" ]] || fail "WAL segment $wal_of_c was not archived within 90 s"
rpo=$(bc <<<"scale=1; ($(date +%s.%N) - $written) / 1")
(( $(bc <<<"$rpo <= 70") )) || fail "the WAL with batch c took $rpo s to reach the repository (RPO ≤ 60 s + push)"
lap "WAL with batch c archived (archive_timeout, RPO measured)"

destroy
restore_and_start
[[ $(verified_rows) == "$rows_newest" ]] || fail "after the restore to the newest point: $(verified_rows), before the loss: $rows_newest"
check_batches "a b c" ""
lap "destroyed, restored to the newest point, verified"

destroy
restore_and_start --target-time "$mark"
[[ $(verified_rows) == "$rows_at_mark" ]] || fail "after the restore to $mark: $(verified_rows), at the mark: $rows_at_mark"
check_batches "a b" "c"
lap "destroyed, restored to $mark, verified"

# ltc verify notices a damaged document file.
document=$STORAGE/files/$(sed -n 's/^document_id=//p' "$VAR/restore-drill/a.state")
cp -p -- "$document" "$VAR/restore-drill/document.orig"
printf 'x' >>"$document"
if out=$(ltc verify 2>&1); then fail "ltc verify passed with a damaged document file"; fi
grep -q "^problem: document ${document##*/}: the SHA-256" <<<"$out" || fail "ltc verify did not name the damaged file: $out"
mv -f -- "$VAR/restore-drill/document.orig" "$document"
verified_rows >/dev/null
# … and a secret that does not open the sealed columns (a restore needs the secret of its time).
if out=$(set -a && . "$VAR/ltc.env" && LTC_SECRET_KEY=$(openssl rand -hex 32) "$BIN/ltc" verify 2>&1); then
    fail "ltc verify passed with another LTC_SECRET_KEY"
fi
grep -q '^problem: users.email_ciphertext of row .* does not open' <<<"$out" || fail "ltc verify did not name the sealed values: $out"
lap "a damaged document file and another secret fail ltc verify"

printf '  %s\n' "${laps[@]}"
echo "RPO measured: $rpo s from the last write until its WAL segment was in the repository (archive_timeout 60 s)"
echo "restore drill: OK (took $(( $(date +%s) - drill_start )) s)"
