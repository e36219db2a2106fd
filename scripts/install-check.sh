#!/usr/bin/env bash
# make test phase: `make install` into a temporary DESTDIR, then checks what an operator gets:
# the release's SHA256SUMS, the env example (0600, placeholders only), the systemd units with
# `systemd-analyze verify` (works without systemd running: it loads the unit files itself; the
# units name this DESTDIR as LTC_HOME, so the programs they start exist) and the nginx site
# with `nginx -t` under a test nginx.conf that includes the installed conf.d/ file and site.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/root
home=$dest/opt/lifetimecircle/current
failed=0
fail() { echo "FAIL: $*"; failed=1; }

make -s -C "$ROOT" install DESTDIR="$dest" PREFIX=/opt/lifetimecircle/releases/check LTC_HOME="$home" \
    DOMAIN=ltc.example.invalid >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; exit 1; }
ln -s releases/check "$dest/opt/lifetimecircle/current"
release=$dest/opt/lifetimecircle/releases/check

(cd "$release" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS of the release"
[[ -s $release/CHANGELOG.md && -s $release/VERSION ]] || fail "VERSION or CHANGELOG.md missing"
example=$dest/etc/lifetimecircle/api.env.example
[[ $(stat -c %a "$example") == 600 ]] || fail "api.env.example is not 0600"
# No real secret: every secret-bearing line carries a CHANGE_ME placeholder.
if grep -E '^LTC_(SECRET_KEY|DATABASE_URL|SMTP_URL)=' "$example" | grep -v CHANGE_ME; then fail "a secret in api.env.example"; fi
for page in impressum datenschutz agb cookies; do
    grep -q 'placeholder-note' "$dest/etc/lifetimecircle/legal/$page.html" || fail "legal/$page.html not marked as placeholder"
done

# systemd: errors make verify fail, unknown keys and bad values only warn: both count.
units=("$dest"/etc/systemd/system/ltc-*)
if ! systemd-analyze verify "${units[@]}" >"$tmp/verify.log" 2>&1 || [[ -s $tmp/verify.log ]]; then
    cat "$tmp/verify.log"
    fail "systemd-analyze verify"
fi
echo "systemd-analyze verify: ${#units[@]} units"

# nginx: Debian's layout around the installed files; host paths (snippets, logs, certificate)
# mapped into the temporary directory.
mkdir -p "$tmp/log" "$tmp/tls" "$tmp/nginx"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=check \
    -keyout "$tmp/tls/key.pem" -out "$tmp/tls/cert.pem" 2>/dev/null
map_paths() {
    sed -e "s|/etc/nginx/snippets/|$dest/etc/nginx/snippets/|g" -e "s|/var/log/lifetimecircle/|$tmp/log/|g" \
        -e "s|/etc/ssl/certs/ssl-cert-snakeoil.pem|$tmp/tls/cert.pem|g" \
        -e "s|/etc/ssl/private/ssl-cert-snakeoil.key|$tmp/tls/key.pem|g" "$1"
}
map_paths "$dest/etc/nginx/sites-available/lifetimecircle" > "$tmp/nginx/site.conf"
grep -q 'listen \[::\]:443 ssl' "$tmp/nginx/site.conf" || fail "no IPv6 listener in the installed site"
if grep -n '^[^#]*@[A-Z_]*@' "$tmp/nginx/site.conf" "$dest/etc/nginx/conf.d/lifetimecircle.conf"; then fail "placeholders left"; fi
cat > "$tmp/nginx/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/log/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    include $dest/etc/nginx/conf.d/*.conf;
    include $tmp/nginx/site.conf;
}
CONF
nginx -t -q -p "$tmp/nginx" -e "$tmp/log/error.log" -c "$tmp/nginx/nginx.conf" || fail "nginx -t"
echo "nginx -t: installed site and conf.d/lifetimecircle.conf"
exit $failed
