#pragma once
// An HTTP request as the worker sees it, independent of FastCGI.
#include <any>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ltc::http {

using StringMap = std::map<std::string, std::string>;

struct Request {
    std::string method;
    std::string path;          // without the query string, as the client sent it
    std::string query_string;
    std::string request_id;    // nginx's $request_id
    std::string remote_addr;   // the address nginx saw, never a client header
    StringMap headers;         // lower-case names
    StringMap query;
    StringMap cookies;
    StringMap params;          // path parameters filled by the router
    std::string body;
    // Streamed routes only (uploads): the body is not read in advance. content_length is the
    // declared length (-1 when absent); read_body fills up to `size` bytes, 0 at the end.
    long long content_length = -1;
    std::function<std::size_t(char* buffer, std::size_t size)> read_body;
    std::string role = "anonymous";  // set once authenticated; logged, never the user
    std::string route_template;      // the matched route ("/api/vehicles/{id}"), set by the router's caller
    // The session lookup's result (auth::find_caller), kept so "who is asking" is one statement
    // per request however many guards ask. Type-erased: http/ knows nothing of auth/.
    std::any caller;
    // The route's early reads (auth::early_read), answered in the caller lookup's round trip.
    std::any early_reads;

    std::string header(const std::string& lower_case_name) const;
    std::optional<std::string> cookie(const std::string& name) const;
    std::optional<std::string> query_param(const std::string& name) const;
    std::string param(const std::string& name) const;
};

// Percent-decoding for query components ('+' means space there). nullopt when malformed.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// "a=1&b=x%20y" → {a:1, b:"x y"}; malformed pairs are dropped, the first occurrence wins.
StringMap parse_query(std::string_view query);

// RFC 6265 Cookie header: "a=1; b=2"; the first occurrence of a name wins.
StringMap parse_cookies(std::string_view header);

// "HTTP_X_CSRF_TOKEN" → "x-csrf-token"; empty when the variable is not an HTTP header.
std::string header_name_from_cgi(std::string_view variable);

// Splits "/a/b?x=1" into path and query.
std::pair<std::string, std::string> split_request_uri(std::string_view uri);

}  // namespace ltc::http
