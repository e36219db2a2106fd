#!/usr/bin/env bash
# Installs the Debian packages the project needs; quiet and quick when all are present.
set -euo pipefail

packages=(
  build-essential pkg-config git ca-certificates curl openssl acl procps
  libfcgi-dev spawn-fcgi multiwatch nginx
  postgresql-15 postgresql-client-15 libpq-dev libsoci-dev
  libpoco-dev libssl-dev libicu-dev libqrencode-dev libhpdf-dev libpng-dev libjpeg62-turbo-dev
  libboost-test-dev libcpp-httplib-dev
  wrk bc chromium chromium-driver pgbouncer
  zbar-tools poppler-utils libcmark-dev
  systemd  # systemd-analyze verify of the installed units (make test; works without systemd running)
  pgbackrest restic prometheus
  libfaketime  # the clock-jump phase of make test runs PostgreSQL under it
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

# npm fetches axe-core for the browser tests: Debian's npm package, unless a Node.js that
# brings its own npm is installed already.
command -v npm >/dev/null || missing+=(npm)

if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages (run 'make deps' as root): ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$(dirname "$0")/fetch-axe.sh"
