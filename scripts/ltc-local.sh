#!/usr/bin/env bash
# Runs the operator CLI against the local stack: its settings come from $LTC_VAR_DIR/ltc.env.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=$(realpath -m "${LTC_VAR_DIR:-$ROOT/var}")
if [[ ! -f $VAR/ltc.env ]]; then
    echo "No local stack settings in $VAR/ltc.env — run 'make run' first." >&2
    exit 1
fi
set -a
# shellcheck disable=SC1091
source "$VAR/ltc.env"
set +a
exec "${LTC_BIN_DIR:-$ROOT/build/bin}/ltc" "$@"
