#pragma once
// The bad-input catalogue's vocabulary: what a route reads (body fields by kind, query
// parameters, path parameters) and the malformed requests generated from it.
#include <string>
#include <vector>

namespace ltc::test {

// How a body field is checked, which decides the values that must be refused for it.
// text: any string up to max; choice: one of a fixed set or pattern (ids, enums, dates, codes
// of a format), so SQL and path strings are wrong too; code: a secret to guess (TOTP, backup
// code), where only malformed values are sent, never a wrong guess that would count.
enum class FieldKind { text, choice, code, email, vin, integer, boolean, list, money, date };

struct Field {
    std::string name;
    FieldKind kind;
    std::string valid_json;  // a value the route accepts; @NAME@ placeholders are filled in
    bool required = false;
    long long max = 0;       // code points for strings; the upper bound for integers
    long long min = 0;       // the lower bound for integers
};

// strict: every value that is not exactly well-formed is refused (limit, cursor, ids, enums,
// times); free: any plain text is fine, so only control characters, invalid UTF-8 and
// overlong values are bad.
enum class QueryKind { strict, free };

struct QueryParam {
    std::string name;
    QueryKind kind;
};

enum class BodyKind { none, json, upload };

struct RouteInputs {
    BodyKind body = BodyKind::none;
    std::vector<Field> fields;
    std::vector<QueryParam> query;
    bool as_admin = false;  // signed in as a superadmin with step-up (else: an owner with consent)
};

struct BadRequest {
    std::string label;  // what is wrong, for the failure message
    std::string path;   // with the query string
    std::string body;
    std::string content_type = "application/json";
};

// A well-formed body for the route (every field at its valid value).
std::string valid_body(const std::vector<Field>& fields);

// Every malformed body and query string for one route, sent to `path` (its parameters valid).
std::vector<BadRequest> bad_requests(const RouteInputs& inputs, const std::string& path);

// The route's path with one parameter segment at a time replaced by each malformed id (the
// others keep the valid values in `valid_segments`, the template's segments filled in).
std::vector<BadRequest> bad_path_requests(const RouteInputs& inputs, const std::vector<std::string>& template_segments,
                                          const std::vector<std::string>& valid_segments);

}  // namespace ltc::test
