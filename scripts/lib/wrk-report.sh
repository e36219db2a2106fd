# Reading a wrk report (wrk … --latency > report): shared by the make test phases that keep
# load on the stack while they disturb it. Needs nothing else sourced.
# shellcheck shell=bash

# True when every answer in the report was 2xx/3xx, no socket error occurred and requests were
# made at all; prints the request count to stdout either way.
wrk_all_answered() {
    local report=$1 requests
    requests=$(awk '/requests in/ {print $1}' "$report")
    echo "${requests:-0}"
    ! grep -q 'Non-2xx or 3xx responses' "$report" && ! grep -q 'Socket errors' "$report" &&
        [[ -n $requests && $requests -gt 0 ]]
}
