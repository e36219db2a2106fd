#!/usr/bin/env bash
# Installs a release's system files (its share/etc) where a Debian admin expects them; run as
# root on the host after unpacking a release (docs/deployment.md), and by `make install`.
#   /etc/systemd/system/ltc-*.{socket,service,timer}    (not enabled: systemctl enable …)
#   /etc/nginx/conf.d/lifetimecircle.conf               zones, maps, log format (http level)
#   /etc/nginx/snippets/ltc-*.conf                      the site's includes
#   /etc/nginx/sites-available/lifetimecircle           the site (enable: link in sites-enabled/)
#   /etc/logrotate.d/lifetimecircle
#   /etc/cron.d/lifetimecircle                          only with --scheduler cron (instead of timers)
#   /etc/lifetimecircle/api.env.example                 0600, placeholders, no secrets
#   /etc/lifetimecircle/legal/*.html                    only the missing ones: the operator's texts
# Units, cron and nginx name the --home path (the `current` symlink), so switching the symlink
# switches the release. Re-running it replaces everything but api.env* and the legal texts.
# usage: install-system [--root DIR] [--domain NAME] [--home DIR] [--scheduler systemd|cron]
#                       [--cert FILE --key FILE]
set -euo pipefail
release=$(cd "$(dirname "$0")/.." && pwd)
source "$release/libexec/lib/nginx-render.sh"
root="" domain=$(hostname -f 2>/dev/null || hostname) home=/opt/lifetimecircle/current scheduler=systemd
cert=/etc/ssl/certs/ssl-cert-snakeoil.pem key=/etc/ssl/private/ssl-cert-snakeoil.key
while [[ $# -gt 0 ]]; do
    case $1 in
        --root) root=$2 ;;
        --domain) domain=$2 ;;
        --home) home=$2 ;;
        --scheduler) scheduler=$2 ;;
        --cert) cert=$2 ;;
        --key) key=$2 ;;
        *) echo "usage: $0 [--root DIR] [--domain NAME] [--home DIR] [--scheduler systemd|cron] [--cert FILE --key FILE]" >&2; exit 2 ;;
    esac
    shift 2
done
etc=$root/etc
shared=$release/share/etc

install -d -m 0755 "$etc"/{systemd/system,nginx/conf.d,nginx/snippets,nginx/sites-available,logrotate.d,cron.d}
install -d -m 0755 "$etc/lifetimecircle"
install -d -m 0755 "$etc/lifetimecircle/legal"
for unit in "$shared"/systemd/*; do
    sed "s|/opt/lifetimecircle/current|$home|g" "$unit" > "$etc/systemd/system/$(basename "$unit")"
    chmod 0644 "$etc/systemd/system/$(basename "$unit")"
done
install -m 0644 "$shared"/nginx/ltc-*.conf "$etc/nginx/snippets/"
render() {
    NGX_LISTEN_ADDRESS="" NGX_IPV6=yes NGX_HTTPS_PORT=443 NGX_HTTP_PORT=80 NGX_HTTPS_AUTHORITY_PORT="" \
        NGX_SERVER_NAME=$domain NGX_TLS_CERT=$cert NGX_TLS_KEY=$key NGX_WWW_ROOT=$home/share/www \
        NGX_FCGI_SOCKET=/run/lifetimecircle/ltc-fcgi.sock NGX_LOG_DIR=/var/log/lifetimecircle \
        NGX_PROTECTED_FILES_DIR=/var/lib/lifetimecircle/documents/files NGX_SNIPPETS_DIR=/etc/nginx/snippets \
        NGX_LEGAL_DIR=/etc/lifetimecircle/legal NGX_API_RATE=30r/s NGX_API_BURST=60 \
        NGX_RELEASE=$(cat "$release/VERSION") render_nginx_template "$1" > "$2"
    chmod 0644 "$2"
}
render "$shared/nginx/ltc-http.conf.template" "$etc/nginx/conf.d/lifetimecircle.conf"
render "$shared/nginx/ltc-site.conf.template" "$etc/nginx/sites-available/lifetimecircle"
install -m 0644 "$shared/logrotate.d/lifetimecircle" "$etc/logrotate.d/"
if [[ $scheduler == cron ]]; then
    sed "s|/opt/lifetimecircle/current|$home|g" "$shared/cron.d/lifetimecircle" > "$etc/cron.d/lifetimecircle"
    chmod 0644 "$etc/cron.d/lifetimecircle"
fi
install -m 0600 "$shared/api.env.example" "$etc/lifetimecircle/api.env.example"
for page in "$release"/share/legal/*.html; do
    [[ -e $etc/lifetimecircle/legal/$(basename "$page") ]] || install -m 0644 "$page" "$etc/lifetimecircle/legal/"
done
echo "Installed the system files of $(cat "$release/VERSION") under ${root:-/}etc (units naming $home)."
