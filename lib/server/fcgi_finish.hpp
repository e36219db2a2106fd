#pragma once
// Ending a FastCGI request: libfcgi's close, without its wait when nothing is left to read.
#include <fcgiapp.h>

namespace ltc::server {

// FCGX_Finish_r, but when the request's stdin has been read to its end the connection is closed
// at once. libfcgi otherwise shuts down writing and polls until the web server hangs up (up to
// 2 s), so that unread request bytes cannot reset the connection before the answer is taken: with
// nothing unread that is only a sleep and a wake-up per request, while nginx reads the answer.
// A body left unread (a 413, an upload refused early) keeps libfcgi's draining close.
void finish_request(FCGX_Request& request);

}  // namespace ltc::server
