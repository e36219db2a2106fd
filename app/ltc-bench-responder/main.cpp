// The ceiling for `make bench`: the smallest libfcgi responder, run with the same pool size
// behind the same nginx as ltc-fcgi, so the ratio shows what the application itself costs.
#include <fcgiapp.h>

#include "server/fcgi_finish.hpp"

int main() {
    if (FCGX_Init() != 0) return 1;
    FCGX_Request request;
    if (FCGX_InitRequest(&request, 0, 0) != 0) return 1;
    static const char answer[] =
        "Status: 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n\r\n"
        "{\"status\":\"ok\"}";
    while (FCGX_Accept_r(&request) == 0) {
        FCGX_PutStr(answer, sizeof answer - 1, request.out);
        ltc::server::finish_request(request);  // closed as ltc-fcgi closes
    }
    return 0;
}
