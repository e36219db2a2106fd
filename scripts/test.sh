#!/usr/bin/env bash
# make test: unit tests, then a private stack (own ports, own state in var/test) for the
# integration, browser, fuzz-replay and application restore-drill suites; stops everything afterwards.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export LTC_ROOT=$ROOT
export LTC_VAR_DIR=${LTC_TEST_VAR_DIR:-$ROOT/var/test}
export LTC_HTTPS_PORT=${LTC_TEST_HTTPS_PORT:-18443}
export LTC_HTTP_PORT=${LTC_TEST_HTTP_PORT:-18080}
export LTC_PG_PORT=${LTC_TEST_PG_PORT:-54316}
export LTC_BASE_URL=https://127.0.0.1:$LTC_HTTPS_PORT
BIN=$ROOT/build/bin

passed=0
failed=0
failed_names=()
run_suite() {
    local name=$1
    shift
    echo "── $name"
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failed_names+=("$name")
    fi
}

stop_stack() { "$ROOT/scripts/stack.sh" down >/dev/null 2>&1 || true; }
trap stop_stack EXIT

run_suite unit "$BIN/unit-tests" --report_level=short
# Every fuzz target replays its corpus (g++ build; libFuzzer runs: make fuzz).
for target in "$ROOT"/tests/fuzz/*_target.cpp; do
    name=$(basename "$target" _target.cpp)
    run_suite "fuzz-replay-$name" "$BIN/fuzz-replay-$name" "$ROOT/tests/fuzz/corpus/$name"
done
# make install into a temporary DESTDIR: units (systemd-analyze verify) and nginx site (nginx -t).
run_suite install-check "$ROOT/scripts/install-check.sh"
# The alert rules load, and the backup and mail alerts fire when they should.
run_suite alert-rules promtool check rules "$ROOT/scripts/monitoring/lifetimecircle.rules.yml"
run_suite alert-rules-test promtool test rules "$ROOT/scripts/monitoring/rules.test.yml"

# A fresh state every run, so results never depend on a previous one.
mkdir -p "$ROOT/var"
stop_stack
rm -rf "$LTC_VAR_DIR"
if "$ROOT/scripts/stack.sh" up >"$ROOT/var/test-stack.log" 2>&1; then
    run_suite integration "$BIN/integration-tests" --report_level=short --run_test='!@short_ttl:!@short_step_up'
    run_suite browser "$BIN/browser-tests" --report_level=short --run_test='!@short_step_up'
    # Faults under load (tests labelled faults): PostgreSQL frozen and restarted while every
    # route class is in use, workers killed during writes, storage failing during uploads.
    run_suite integration-faults "$BIN/integration-tests" --report_level=short --run_test=@faults
    # Next phase: workers restarted with 2-second code, transfer and export lifetimes for the
    # expiry tests.
    if LTC_CODE_TTL_SECONDS=2 LTC_TRANSFER_TTL_SECONDS=2 LTC_EXPORT_TTL_SECONDS=2 \
        "$ROOT/scripts/stack.sh" restart-workers >/dev/null; then
        run_suite integration-short-ttl "$BIN/integration-tests" --report_level=short --run_test=@short_ttl
    else
        failed=$((failed + 1))
        failed_names+=("restart-workers")
    fi
    # Then a 2-second step-up lifetime for the tests labelled short_step_up (browser first:
    # the integration phase ends with consent publishing, which concerns every account).
    if LTC_STEP_UP_TTL_SECONDS=2 "$ROOT/scripts/stack.sh" restart-workers >/dev/null; then
        run_suite browser-short-step-up "$BIN/browser-tests" --report_level=short --run_test=@short_step_up
        run_suite integration-short-step-up "$BIN/integration-tests" --report_level=short --run_test=@short_step_up
    else
        failed=$((failed + 1))
        failed_names+=("restart-workers-step-up")
    fi
    # The date boundary of the stored trust summaries: a vehicle documented today, then the
    # workers (and `ltc verify-trust`) with tomorrow's Berlin date as "today".
    run_suite integration-clock-prepare "$BIN/integration-tests" --report_level=short --run_test=@clock_prepare
    tomorrow=$(TZ=Europe/Berlin date -d tomorrow +%F)
    if LTC_TODAY=$tomorrow "$ROOT/scripts/stack.sh" restart-workers >/dev/null; then
        run_suite integration-clock env LTC_TODAY="$tomorrow" "$BIN/integration-tests" --report_level=short --run_test=@clock
    else
        failed=$((failed + 1))
        failed_names+=("restart-workers-clock")
    fi
    "$ROOT/scripts/stack.sh" restart-workers >/dev/null
    # Restarts without a failed request: wrk at 64 connections while the pool restarts 3 times.
    run_suite restart-under-load "$ROOT/scripts/restart-under-load.sh"
    # Two pools on TCP behind one upstream, one killed under load: no failed request.
    run_suite two-pools "$ROOT/scripts/two-pools.sh"
    # A synchronous streaming replica promoted after the primary crashed under writes: every
    # acknowledged entry is on it, and the workers write through it once pointed there.
    run_suite replica-failover "$ROOT/scripts/replica-failover.sh"
    # The deployment guide's smoke flows, with the demo vehicle's public link.
    run_suite smoke "$ROOT/scripts/smoke" "$LTC_BASE_URL" "$(basename "$(cat "$LTC_VAR_DIR/demo-public-url")")" \
        --cacert "$LTC_VAR_DIR/tls/cert.pem"
    # Clock jumps of the database server (libfaketime under PostgreSQL): codes and sessions end
    # when the clock passes their time, a jump backward breaks nothing.
    run_suite clock-jump "$ROOT/scripts/clock-jump.sh"
    # Last: `ltc rotate-secret` on the test stack, as an operator does it: stop everything that
    # writes, rotate with the database up, put the new secret and version into ltc.env, start
    # again, then check that the accounts made before still work (tests labelled rotate_secret).
    run_suite integration-rotate-prepare "$BIN/integration-tests" --report_level=short --run_test=@rotate_secret_prepare
    old_secret=$(sed -n 's/^LTC_SECRET_KEY=//p' "$LTC_VAR_DIR/ltc.env")
    new_secret=$(openssl rand -hex 32)
    if "$ROOT/scripts/stack.sh" down >"$ROOT/var/test-rotate.log" 2>&1 &&
        "$ROOT/scripts/stack.sh" pg-start >>"$ROOT/var/test-rotate.log" 2>&1 &&
        sed -i -e "s/^LTC_SECRET_KEY=.*/LTC_SECRET_KEY=$new_secret/" -e "s/^LTC_KEY_VERSION=.*/LTC_KEY_VERSION=2/" "$LTC_VAR_DIR/ltc.env" &&
        LTC_OLD_SECRET_KEY=$old_secret "$ROOT/scripts/ltc-local.sh" rotate-secret >>"$ROOT/var/test-rotate.log" 2>&1 &&
        "$ROOT/scripts/stack.sh" up >>"$ROOT/var/test-rotate.log" 2>&1; then
        run_suite integration-rotate-secret "$BIN/integration-tests" --report_level=short --run_test=@rotate_secret
    else
        cat "$ROOT/var/test-rotate.log"
        failed=$((failed + 1))
        failed_names+=("rotate-secret")
    fi
    unset old_secret new_secret
    # Last: the application restore drill (writes, backups, destroys and restores this stack).
    run_suite restore-drill "$ROOT/tests/restore-drill.sh"
else
    cat "$ROOT/var/test-stack.log"
    failed=$((failed + 1))
    failed_names+=("stack-up")
fi
stop_stack

leftovers=$(pgrep -f "$LTC_VAR_DIR" || true)
if [[ -n $leftovers ]]; then
    echo "processes left behind: $leftovers"
    failed=$((failed + 1))
    failed_names+=("cleanup")
fi

echo
[[ $failed -gt 0 ]] && echo "failed: ${failed_names[*]}"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
