#include "server/fcgi_finish.hpp"

#include <cstdio>

namespace ltc::server {

void finish_request(FCGX_Request& request) {
    // EOF once the empty stdin record that ends every request was read (for a request without a
    // body it came with the parameters); a byte means a body not taken.
    if (request.in != nullptr && FCGX_GetChar(request.in) == EOF) FCGX_Detach(&request);
    FCGX_Finish_r(&request);
}

}  // namespace ltc::server
