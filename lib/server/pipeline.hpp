#pragma once
// Request → response: routing, the handler, and the last-resort error mapping.
#include <string>

#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"
#include "server/services.hpp"

namespace ltc::server {

struct Outcome {
    http::Response response;
    std::string route_template;
    std::string error_kind;  // for the log only: "api", "database", "exception" or empty
    std::string sqlstate;    // for the log only: the SQLSTATE of the statement that failed, if one did
};

// Never throws. Adds X-Request-Id and Cache-Control: no-store to every answer.
Outcome handle_request(const http::Router& router, http::Request& request, Services& services);

}  // namespace ltc::server
