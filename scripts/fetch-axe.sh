#!/usr/bin/env bash
# Fetches the pinned axe-core (the npm package) into build/axe/axe.min.js for the browser tests'
# WCAG 2.1 AA checks. Never committed; checked against the registry's sha512 integrity that is
# pinned here. Quiet and quick when the pinned version is already there.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=4.10.3
INTEGRITY=sha512-Xm7bpRXnDSX2YE2YFfBk2FnF0ep6tmG7xPh8iHee8MIcrgq762Nkce856dYtJYLkuIoYZvGfTs/PbZhideTcEg==
DEST=$ROOT/build/axe

if [[ -f $DEST/axe.min.js && "$(cat "$DEST/VERSION" 2>/dev/null)" == "$VERSION" ]]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is missing (run 'make deps' as root)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "axe-core@$VERSION" >/dev/null)
tarball=$work/axe-core-$VERSION.tgz
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual" != "$INTEGRITY" ]]; then
  echo "axe-core $VERSION: integrity mismatch (got $actual)" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/axe.min.js
mkdir -p "$DEST"
mv "$work/package/axe.min.js" "$DEST/axe.min.js"
echo "$VERSION" >"$DEST/VERSION"
echo "axe-core $VERSION in $DEST"
