#!/usr/bin/env bash
# libFuzzer runs of tests/fuzz/*_target.cpp (clang-14, ASan + UBSan), LTC_FUZZ_SECONDS each
# (default 60), seeded from tests/fuzz/corpus/<name>/. New inputs go to build/fuzz/<name>-corpus
# (the checked-in corpus is only read); a crash is written to build/fuzz/<name>-artifacts/ and
# fails the run: fix the bug, then add the input to tests/fuzz/corpus/<name>/ so that
# `make test` (build/bin/fuzz-replay-<name>, g++) replays it from then on. Each run's final
# statistics (executions, corpus size) end up in build/fuzz/<name>.log and the summary line.
# Needs: apt-get install -y clang-14 libclang-rt-14-dev (not part of `make deps`: CI's
# `make test` replays the corpora with g++ and needs no clang). LTC_FUZZ_TARGETS="a b" runs a subset.
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
    router) echo lib/http/router.cpp lib/http/request.cpp lib/http/response.cpp lib/http/api_error.cpp ;;
    documents) echo lib/documents/file_type.cpp lib/documents/metadata_strip.cpp ;;
    file_name) echo lib/documents/file_name.cpp lib/documents/content_disposition.cpp lib/http/json_body.cpp \
                    lib/http/json_fields.cpp lib/http/request.cpp lib/http/api_error.cpp ;;
    vin) echo lib/vehicles/vin.cpp ;;
    trust) echo lib/trust/trust_light.cpp lib/trust/civil_date.cpp ;;
    markdown) echo lib/blog/markdown.cpp ;;
    *) echo "fuzz: no source list for target $1 in scripts/fuzz.sh" >&2; return 1 ;;
  esac
}

mkdir -p "$out"
status=0
summary=()
for target in tests/fuzz/*_target.cpp; do
  name=$(basename "$target" _target.cpp)
  if [[ -n "${LTC_FUZZ_TARGETS:-}" && " $LTC_FUZZ_TARGETS " != *" $name "* ]]; then continue; fi
  corpus=tests/fuzz/corpus/$name
  binary=$out/$name-fuzzer
  [[ -d "$corpus" ]] || { echo "fuzz: missing seed corpus $corpus" >&2; exit 1; }
  sources=$(sources_for "$name")

  echo "fuzz: building $binary"
  # shellcheck disable=SC2086
  "$cxx" -std=c++20 -g -O1 -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -Ilib -Itests/fuzz "$target" $sources -o "$binary" -lPocoJSON -lPocoFoundation -lcmark

  rm -rf "$out/$name-artifacts"
  mkdir -p "$out/$name-corpus" "$out/$name-artifacts"
  echo "fuzz: running $name for ${seconds}s"
  if ! "$binary" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$out/$name-artifacts/" \
      "$out/$name-corpus" "$corpus" 2>"$out/$name.log"; then
    echo "fuzz: $name FAILED; inputs in $out/$name-artifacts/ (log: $out/$name.log)" >&2
    tail -n 40 "$out/$name.log" >&2
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log")
  summary+=("$name: ${runs:-?} executions in ${seconds}s, $(find "$out/$name-artifacts" -type f | wc -l) crash inputs")
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $status
