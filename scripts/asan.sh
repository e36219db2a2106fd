#!/usr/bin/env bash
# make asan: the unit suite and the integration main phase, built with AddressSanitizer and
# UBSan (build-asan/), against a private stack (var/asan, own ports) whose workers, mailer and
# CLI are the sanitized build too. Every sanitizer report lands in var/asan/sanitizer/; any
# report, or a failed suite, fails the run. Leaks are reported for the test programs and the
# CLI; the workers' exit path is checked like any other.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export LTC_ROOT=$ROOT
export LTC_BIN_DIR=$ROOT/build-asan/bin
export LTC_VAR_DIR=${LTC_ASAN_VAR_DIR:-$ROOT/var/asan}
export LTC_HTTPS_PORT=${LTC_ASAN_HTTPS_PORT:-28443}
export LTC_HTTP_PORT=${LTC_ASAN_HTTP_PORT:-28080}
export LTC_PG_PORT=${LTC_ASAN_PG_PORT:-54326}
export LTC_BASE_URL=https://127.0.0.1:$LTC_HTTPS_PORT
# A sanitized request is slower: give the watchdog room.
export LTC_REQUEST_DEADLINE_SECONDS=${LTC_REQUEST_DEADLINE_SECONDS:-60}
REPORTS=$LTC_VAR_DIR/sanitizer
export ASAN_OPTIONS="log_path=$REPORTS/asan:detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="log_path=$REPORTS/ubsan:print_stacktrace=1"

stop_stack() { "$ROOT/scripts/stack.sh" down >/dev/null 2>&1 || true; }
trap stop_stack EXIT
stop_stack
rm -rf "$LTC_VAR_DIR"
mkdir -p "$REPORTS"

failed=0
echo "── unit (sanitized)"
"$LTC_BIN_DIR/unit-tests" --report_level=short || failed=1
if "$ROOT/scripts/stack.sh" up >"$ROOT/var/asan-stack.log" 2>&1; then
    echo "── integration (sanitized test program and stack)"
    "$LTC_BIN_DIR/integration-tests" --report_level=short --run_test='!@short_ttl:!@short_step_up' || failed=1
else
    cat "$ROOT/var/asan-stack.log"
    failed=1
fi
stop_stack  # the workers' and the mailer's exit (and leak check) happen here

reports=$(find "$REPORTS" -type f | sort)
if [[ -n $reports ]]; then
    echo "sanitizer reports:"
    for report in $reports; do
        echo "── $report"
        head -60 "$report"
    done
    failed=1
fi
if ((failed)); then
    echo "make asan: FAILED"
    exit 1
fi
echo "make asan: no sanitizer report; unit and integration suites passed"
