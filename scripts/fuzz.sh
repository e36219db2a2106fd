#!/usr/bin/env bash
# libFuzzer runs of tests/fuzz/*_target.cpp (clang-14, ASan + UBSan), LTC_FUZZ_SECONDS each
# (default 60), seeded from tests/fuzz/corpus/<name>/. New inputs go to build/fuzz/<name>-corpus
# (the checked-in corpus is only read); a crash is written to build/fuzz/<name>-artifacts/ and
# fails the run: fix the bug, then add the input to tests/fuzz/corpus/<name>/ so that
# `make test` (build/bin/fuzz-replay, g++) replays it from then on.
# Needs: apt-get install -y clang-14 libclang-rt-14-dev (not part of `make deps`).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${LTC_FUZZ_SECONDS:-60}
cxx=${LTC_FUZZ_CXX:-clang++-14}
out=build/fuzz

if ! command -v "$cxx" >/dev/null; then
  echo "fuzz: $cxx not found (apt-get install -y clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi

# The library sources each target exercises, compiled with the same instrumentation.
sources_for() {
  case "$1" in
    json_body) echo lib/http/json_body.cpp lib/http/request.cpp lib/http/api_error.cpp ;;
    *) echo "fuzz: no source list for target $1 in scripts/fuzz.sh" >&2; return 1 ;;
  esac
}

mkdir -p "$out"
status=0
for target in tests/fuzz/*_target.cpp; do
  name=$(basename "$target" _target.cpp)
  corpus=tests/fuzz/corpus/$name
  binary=$out/$name-fuzzer
  [[ -d "$corpus" ]] || { echo "fuzz: missing seed corpus $corpus" >&2; exit 1; }
  sources=$(sources_for "$name")

  echo "fuzz: building $binary"
  # shellcheck disable=SC2086
  "$cxx" -std=c++20 -g -O1 -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -Ilib "$target" $sources -o "$binary" -lPocoJSON -lPocoFoundation

  mkdir -p "$out/$name-corpus" "$out/$name-artifacts"
  echo "fuzz: running $name for ${seconds}s"
  if ! "$binary" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$out/$name-artifacts/" \
      "$out/$name-corpus" "$corpus"; then
    echo "fuzz: $name FAILED; inputs in $out/$name-artifacts/" >&2
    status=1
  fi
done
exit $status
