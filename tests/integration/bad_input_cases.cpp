#include "bad_input_cases.hpp"

#include <utility>

namespace ltc::test {

namespace {

using Values = std::vector<std::pair<std::string, std::string>>;  // label, raw JSON value

const std::string sql_text = "\"'; DROP TABLE users; --\"";
const std::string traversal_text = "\"../../../../etc/passwd\"";
const std::string crlf_text = "\"x\\r\\nSet-Cookie: ltc=1\"";

std::string quoted_run(long long length) { return "\"" + std::string(static_cast<std::size_t>(length), 'a') + "\""; }

// Values no string field takes: other JSON types, NUL, a lone surrogate, one code point too many.
Values string_values(const Field& field) {
    Values values = {{"a number", "42"},           {"a boolean", "true"},
                     {"an array", "[]"},           {"an object", "{}"},
                     {"a NUL character", "\"a\\u0000b\""}, {"a lone surrogate", "\"\\ud800\""}};
    if (field.max > 0) values.emplace_back("one code point too many", quoted_run(field.max + 1));
    if (field.required) {
        values.emplace_back("null", "null");
        values.emplace_back("an empty string", "\"\"");
    }
    return values;
}

Values values_for(const Field& field) {
    Values values;
    switch (field.kind) {
        case FieldKind::integer:
            values = {{"a string", "\"5\""},
                      {"a fraction", "1.5"},
                      {"an exponent", "5e4"},
                      {"a boolean", "true"},
                      {"an array", "[]"},
                      {"below the minimum", std::to_string(field.min - 1)},
                      {"above the maximum", std::to_string(field.max + 1)},
                      {"2^63", "9223372036854775808"},
                      {"-2^63-1", "-9223372036854775809"},
                      {"2^64", "18446744073709551616"},
                      {"1e400", "1e400"}};
            if (field.required) values.emplace_back("null", "null");
            return values;
        case FieldKind::boolean:
            return {{"a string", "\"true\""}, {"a number", "1"}, {"an array", "[]"}, {"an object", "{}"}};
        case FieldKind::list:
            return {{"a string", "\"x\""},   {"a number", "42"},   {"an object", "{}"},
                    {"an empty list", "[]"}, {"a list of numbers", "[42]"}, {"a list with null", "[null]"},
                    {"an item with a number", R"([{"doc":42,"version":"1"}])"}};
        case FieldKind::text:
        case FieldKind::code:
            return string_values(field);
        case FieldKind::choice:
        case FieldKind::money:
        case FieldKind::date:
        case FieldKind::email:
        case FieldKind::vin:
            values = string_values(field);
            values.insert(values.end(), {{"SQL", sql_text}, {"path traversal", traversal_text}, {"CR/LF", crlf_text}});
            break;
    }
    if (field.kind == FieldKind::money) {
        values.insert(values.end(), {{"negative money", "\"-1\""}, {"three decimals", "\"1.234\""},
                                     {"too much money", "\"99999999999\""}, {"money as a number", "12"}});
    }
    if (field.kind == FieldKind::date) {
        values.insert(values.end(), {{"month 13", "\"2020-13-45\""}, {"the future", "\"9999-12-31\""},
                                     {"before 1886", "\"1885-12-31\""}, {"a time", "\"2020-01-01T00:00:00Z\""}});
    }
    if (field.kind == FieldKind::email) {
        values.insert(values.end(), {{"no @", "\"beispiel.de\""}, {"no local part", "\"@beispiel.de\""},
                                     {"no dot in the domain", "\"a@b\""}, {"whitespace", "\"a b@beispiel.de\""},
                                     {"255 characters", "\"" + std::string(243, 'a') + "@beispiel.de\""}});
    }
    if (field.kind == FieldKind::vin) {
        values.insert(values.end(), {{"16 characters", "\"WVWZZZ1JZXW00000\""}, {"18 characters", "\"WVWZZZ1JZXW0000001\""},
                                     {"the letter O", "\"WVWZZZ1JZXW0000O1\""}, {"an umlaut", "\"WVWZZZ1JZXW00000Ä\""}});
    }
    return values;
}

std::string body_with(const std::vector<Field>& fields, const std::string& name, const std::string& raw) {
    std::string body = "{";
    for (const Field& field : fields) {
        if (body.size() > 1) body += ",";
        body += "\"" + field.name + "\":" + (field.name == name ? raw : field.valid_json);
    }
    return body + "}";
}

std::string with_query(const std::string& path, const std::string& query) {
    return path + (path.find('?') == std::string::npos ? "?" : "&") + query;
}

// Malformed JSON texts, wrong content types and sizes: the same for every JSON body.
std::vector<BadRequest> body_level(const RouteInputs& inputs, const std::string& path) {
    const std::string valid = valid_body(inputs.fields);
    const Field& first = inputs.fields.front();
    const std::string after_first = body_with(inputs.fields, first.name, "0").substr(first.name.size() + 5);
    const auto first_raw = [&](const std::string& raw) { return "{\"" + first.name + "\":" + raw + after_first; };
    std::vector<BadRequest> requests = {
        {"an empty body", path, ""},
        {"truncated JSON", path, valid.substr(0, valid.size() / 2)},
        {"an open brace", path, "{"},
        {"a missing value", path, "{\"" + first.name + "\":}"},
        {"a bare word", path, "nul"},
        {"a trailing comma", path, valid.substr(0, valid.size() - 1) + ",}"},
        {"an array body", path, "[" + valid + "]"},
        {"a string body", path, "\"text\""},
        {"a number body", path, "42"},
        {"a null body", path, "null"},
        {"an unknown key", path, valid.substr(0, valid.size() - 1) + ",\"zz_unknown\":1}"},
        {"a duplicate key", path, "{\"" + first.name + "\":" + first.valid_json + "," + valid.substr(1)},
        {"invalid UTF-8", path, first_raw("\"\xC3\x28\"")},
        {"overlong UTF-8", path, first_raw("\"\xC0\xAF\"")},
        {"an encoded surrogate", path, first_raw("\"\xED\xA0\x80\"")},
        {"a raw NUL byte", path, first_raw(std::string("\"a\0b\"", 5))},
        {"a raw line feed in a string", path, first_raw("\"a\nb\"")},
        {"a number beyond double", path, first_raw("1e400")},
        {"deep nesting", path, std::string(30000, '[') + std::string(30000, ']')},
        {"a text/plain content type", path, valid, "text/plain"},
        {"a form content type", path, valid, "application/x-www-form-urlencoded"},
        {"no content type", path, valid, ""},
        {"an oversized body", path, valid.substr(0, valid.size() - 1) + ",\"pad\":" + quoted_run(70 * 1024) + "}"},
    };
    for (const Field& field : inputs.fields) {
        for (const auto& [label, raw] : values_for(field)) {
            requests.push_back({field.name + ": " + label, path, body_with(inputs.fields, field.name, raw)});
        }
    }
    return requests;
}

// Bodies an upload must refuse: none, not a JPEG/PNG/PDF, a broken image, more than 10 MiB.
std::vector<BadRequest> upload_level(const std::string& path) {
    const std::string not_a_file = "Das ist keine Rechnung.";
    return {{"an empty file", path, "", "application/octet-stream"},
            {"a text file", path, not_a_file, "application/octet-stream"},
            {"a JPEG signature and garbage", path, "\xFF\xD8\xFF\xE0" + std::string(64, 'x'), "image/jpeg"},
            {"a PNG signature and garbage", path, "\x89PNG\r\n\x1A\n" + std::string(64, 'x'), "image/png"},
            {"11 MiB", path, std::string(11 * 1024 * 1024, 'x'), "application/octet-stream"},
            {"a traversal file name", with_query(path, "filename=..%2F..%2F..%2Fetc%2Fpasswd"), not_a_file,
             "application/octet-stream"},
            {"a file name with NUL", with_query(path, "filename=a%00.pdf"), not_a_file, "application/octet-stream"},
            {"a file name with CR/LF", with_query(path, "filename=a%0D%0AX-Injected%3A%201.pdf"), not_a_file,
             "application/octet-stream"},
            {"a file name of invalid UTF-8", with_query(path, "filename=%C3%28.pdf"), not_a_file, "application/octet-stream"},
            {"an overlong file name", with_query(path, "filename=" + std::string(3000, 'a') + ".pdf"), not_a_file,
             "application/octet-stream"}};
}

// Query values: for strict parameters every one is wrong; free text takes the plain ones.
const Values strict_query_values = {{"-1", "-1"},        {"0", "0"},          {"101", "101"},
                                    {"letters", "abc"},  {"1e2", "1e2"},      {"2^64", "18446744073709551616"},
                                    {"SQL", "%27%20OR%20%271%27%3D%271"}, {"traversal", "..%2F..%2Fetc%2Fpasswd"}};
const Values control_query_values = {{"NUL", "a%00b"},
                                     {"CR/LF", "a%0D%0AX-Injected%3A%201"},
                                     {"invalid UTF-8", "%C3%28"},
                                     {"3000 characters", std::string(3000, 'a')}};

}  // namespace

std::string valid_body(const std::vector<Field>& fields) { return body_with(fields, {}, {}); }

std::vector<BadRequest> bad_requests(const RouteInputs& inputs, const std::string& path) {
    std::vector<BadRequest> requests;
    if (inputs.body == BodyKind::json) requests = body_level(inputs, path);
    if (inputs.body == BodyKind::upload) requests = upload_level(path);
    const std::string body = inputs.body == BodyKind::json ? valid_body(inputs.fields) : "";
    for (const QueryParam& param : inputs.query) {
        Values values = control_query_values;
        if (param.kind == QueryKind::strict) values.insert(values.end(), strict_query_values.begin(), strict_query_values.end());
        for (const auto& [label, value] : values) {
            requests.push_back({"?" + param.name + ": " + label, with_query(path, param.name + "=" + value), body});
        }
    }
    return requests;
}

std::vector<BadRequest> bad_path_requests(const RouteInputs& inputs, const std::vector<std::string>& template_segments,
                                          const std::vector<std::string>& valid_segments) {
    static const Values bad_ids = {{"traversal", "..%2F..%2F..%2Fetc%2Fpasswd"},
                                   {"encoded dots", "%2e%2e"},
                                   {"SQL", "%27%20OR%20%271%27%3D%271"},
                                   {"NUL", "a%00b"},
                                   {"CR/LF", "a%0D%0AX-Injected%3A%201"},
                                   {"invalid UTF-8", "%C3%28"},
                                   {"a broken escape", "%G1"},
                                   {"300 characters", std::string(300, 'a')},
                                   {"-1", "-1"},
                                   {"2^64", "18446744073709551616"},
                                   {"an upper-case UUID", "5F0C8E2A-0B1D-4C3E-9F7A-1B2C3D4E5F60"},
                                   {"a UUID and more", "5f0c8e2a-0b1d-4c3e-9f7a-1b2c3d4e5f60x"}};
    const std::string body = inputs.body == BodyKind::json ? valid_body(inputs.fields) : "";
    std::vector<BadRequest> requests;
    for (std::size_t i = 0; i < template_segments.size(); ++i) {
        if (!template_segments[i].starts_with('{')) continue;
        for (const auto& [label, value] : bad_ids) {
            std::string path;
            for (std::size_t j = 0; j < valid_segments.size(); ++j) path += "/" + (j == i ? value : valid_segments[j]);
            requests.push_back({template_segments[i] + ": " + label, path, body});
        }
    }
    return requests;
}

}  // namespace ltc::test
