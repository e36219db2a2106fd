#pragma once
// A request sent byte for byte over TLS (openssl s_client), for what an HTTP client library
// refuses to send: CR, LF or NUL inside a header, malformed header lines.
#include <string>

#include "stack_client.hpp"

namespace ltc::test {

// Sends `request` (the full HTTP/1.1 text, which should ask for Connection: close) to the
// stack under test; the status and body of the answer (status 0 when none came).
Reply raw_request(const std::string& request);

}  // namespace ltc::test
