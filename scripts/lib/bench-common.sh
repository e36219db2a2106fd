# Shared by scripts/bench.sh and scripts/soak.sh: the API without the edge limit on its own
# port, and the seeded owner signed in. Needs stack-common.sh sourced first.
# shellcheck shell=bash

reload_nginx() { nginx -p "$VAR/nginx" -e "$VAR/log/nginx-error.log" -c "$VAR/nginx/nginx.conf" -s reload; }

# The application with the site's settings (TLS, headers, FastCGI, access log) but without the
# per-address edge limit (one load client is one address): printed as an nginx server block
# listening on port $1. make bench's libfcgi ceiling has a server block with the same settings,
# so that the edge's own work (the access log included) is the same on both sides of a ratio.
unlimited_api_server() {
    cat <<CONF
server {
    listen 127.0.0.1:$1 ssl http2;
    ssl_certificate $VAR/tls/cert.pem;
    ssl_certificate_key $VAR/tls/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    access_log $VAR/log/nginx-access.log ltc_access;
    client_max_body_size 10m;
    location /api/ {
        include $VAR/nginx/snippets/ltc-headers.conf;
        include $VAR/nginx/snippets/ltc-fastcgi.conf;
        fastcgi_pass unix:$FCGI_SOCKET;
    }
}
CONF
}

# Signs in `owner` at the API $1 with the code from the mail folder; prints the bearer token.
sign_in_token() {
    local api=$1 owner=$2 mails_before challenge code
    mails_before=$(grep -l "To: $owner" "$VAR"/mail/*.eml 2>/dev/null | wc -l || true)
    challenge=$(curl -sk -H 'Content-Type: application/json' -d "{\"email\":\"$owner\"}" "$api/api/auth/request" |
        sed -n 's/.*"challenge_id":"\([^"]*\)".*/\1/p')
    for _ in $(seq 1 150); do
        [[ $(grep -l "To: $owner" "$VAR"/mail/*.eml 2>/dev/null | wc -l || true) -gt $mails_before ]] && break
        sleep 0.1
    done
    code=$(grep -l "To: $owner" "$VAR"/mail/*.eml | xargs ls -t 2>/dev/null | head -1 | xargs grep -ho 'Login-Code: [0-9]\{6\}' | grep -o '[0-9]\{6\}' | head -1)
    curl -sk -H 'Content-Type: application/json' \
        -d "{\"challenge_id\":\"$challenge\",\"code\":\"$code\",\"token_in_body\":true}" "$api/api/auth/verify" |
        sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# A seeded owner seed-<S>-0@seed.example (10 vehicles of 20 entries, a dealer; S = $2, default 1)
# at the API $1: sets token, vehicles (ten ids, one a line), read_vehicle (the first) and
# public_token (of the first vehicle's public link, turned on or renewed).
seeded_owner() {
    local api=$1 seed=${2:-1}
    "$ROOT/scripts/ltc-local.sh" seed --owners 1 --vehicles-per-owner 10 --entries-per-vehicle 20 --seed "$seed" >&2
    token=$(sign_in_token "$api" "seed-$seed-0@seed.example")
    [[ -n $token ]] || { echo "could not sign in the seeded owner" >&2; exit 1; }
    vehicles=$(curl -sk -H "Authorization: Bearer $token" "$api/api/vehicles?limit=10" | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
    read_vehicle=$(sed -n 1p <<<"$vehicles")
    [[ $(wc -l <<<"$vehicles") -ge 10 ]] || { echo "the seeded owner needs 10 vehicles" >&2; exit 1; }
    public_token=$(curl -sk -X PUT -H "Authorization: Bearer $token" "$api/api/vehicles/$read_vehicle/public-link" |
        sed -n 's|.*"url":"[^"]*/qr/\([^"]*\)".*|\1|p')
    [[ -n $public_token ]] || { echo "could not turn the public link on" >&2; exit 1; }
}
