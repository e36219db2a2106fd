# Renders the nginx templates (nginx/*.template) for the local stack (scripts/stack.sh) and for
# an installation (scripts/install-release.sh); sourced.
# shellcheck shell=bash
# usage: render_nginx_template TEMPLATE, with these variables set:
#   NGX_LISTEN_ADDRESS  "127.0.0.1:" (local stack) or "" (every address)
#   NGX_IPV6            yes: keep the `listen [::]:…` lines; no: drop them (loopback only)
#   NGX_HTTPS_PORT NGX_HTTP_PORT NGX_HTTPS_AUTHORITY_PORT (":8443", or "" for 443) NGX_SERVER_NAME
#   NGX_TLS_CERT NGX_TLS_KEY NGX_WWW_ROOT NGX_FCGI_SOCKET NGX_LOG_DIR NGX_PROTECTED_FILES_DIR
#   NGX_SNIPPETS_DIR NGX_LEGAL_DIR NGX_API_RATE NGX_API_BURST NGX_RELEASE
render_nginx_template() {
    local ipv6_filter=''
    [[ $NGX_IPV6 == yes ]] || ipv6_filter='/listen \[::\]/d'
    sed -e "$ipv6_filter" \
        -e "s|@LISTEN_ADDRESS@|$NGX_LISTEN_ADDRESS|g" -e "s|@HTTPS_PORT@|$NGX_HTTPS_PORT|g" \
        -e "s|@HTTP_PORT@|$NGX_HTTP_PORT|g" -e "s|@HTTPS_AUTHORITY_PORT@|$NGX_HTTPS_AUTHORITY_PORT|g" \
        -e "s|@SERVER_NAME@|$NGX_SERVER_NAME|g" -e "s|@TLS_CERT@|$NGX_TLS_CERT|g" -e "s|@TLS_KEY@|$NGX_TLS_KEY|g" \
        -e "s|@WWW_ROOT@|$NGX_WWW_ROOT|g" -e "s|@FCGI_SOCKET@|$NGX_FCGI_SOCKET|g" -e "s|@LOG_DIR@|$NGX_LOG_DIR|g" \
        -e "s|@PROTECTED_FILES_DIR@|$NGX_PROTECTED_FILES_DIR|g" -e "s|@SNIPPETS_DIR@|$NGX_SNIPPETS_DIR|g" \
        -e "s|@LEGAL_DIR@|$NGX_LEGAL_DIR|g" \
        -e "s|@API_RATE@|$NGX_API_RATE|g" -e "s|@API_BURST@|$NGX_API_BURST|g" -e "s|@RELEASE@|$NGX_RELEASE|g" "$1"
}
