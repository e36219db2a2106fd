#!/usr/bin/env bash
# Puts one release into a directory (make install: $(DESTDIR)$(PREFIX); make dist: the tarball's
# tree). Layout below the release directory:
#   bin/            ltc-fcgi, ltc
#   libexec/        operator scripts (install-system, smoke, backup, restore, status)
#   share/www/      the static web          share/sql/   the migrations
#   share/doc/      docs/*.md               share/etc/   systemd units, nginx templates and
#   share/legal/    placeholder legal texts              snippets, cron, logrotate, env example,
#                                                        Prometheus alert rules
#   VERSION  CHANGELOG.md  SHA256SUMS (of every file above)
# usage: scripts/install-release.sh RELEASE_DIR VERSION
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
release=$1 version=$2

install -d -m 0755 "$release"/{bin,libexec/lib,share/{www,sql,doc,legal,etc/{systemd,nginx,cron.d,logrotate.d,monitoring}}}
install -m 0755 "$ROOT/build/bin/ltc-fcgi" "$ROOT/build/bin/ltc" "$release/bin/"
install -m 0755 "$ROOT"/scripts/{install-system.sh,smoke,backup,restore,status} "$release/libexec/"
mv "$release/libexec/install-system.sh" "$release/libexec/install-system"
install -m 0644 "$ROOT"/scripts/lib/{backup-common.sh,nginx-render.sh} "$release/libexec/lib/"
cp -R "$ROOT/nginx/www/." "$release/share/www/"
install -m 0644 "$ROOT"/sql/*.sql "$release/share/sql/"
install -m 0644 "$ROOT"/docs/*.md "$release/share/doc/"
install -m 0644 "$ROOT"/nginx/legal/*.html "$release/share/legal/"
install -m 0644 "$ROOT"/scripts/systemd/* "$release/share/etc/systemd/"
install -m 0644 "$ROOT"/scripts/monitoring/lifetimecircle.rules.yml "$release/share/etc/monitoring/"
install -m 0644 "$ROOT"/nginx/*.conf "$ROOT"/nginx/*.template "$release/share/etc/nginx/"
install -m 0644 "$ROOT/scripts/cron/lifetimecircle" "$release/share/etc/cron.d/"
install -m 0644 "$ROOT/scripts/logrotate/lifetimecircle" "$release/share/etc/logrotate.d/"
install -m 0600 "$ROOT/scripts/api.env.example" "$release/share/etc/"
install -m 0644 "$ROOT/CHANGELOG.md" "$release/"
echo "$version" > "$release/VERSION"
(cd "$release" && find . -type f ! -name SHA256SUMS -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum > SHA256SUMS)
