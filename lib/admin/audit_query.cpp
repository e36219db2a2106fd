#include "admin/audit_query.hpp"

#include <algorithm>
#include <cctype>
#include <list>
#include <regex>
#include <sstream>
#include <utility>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "audit/event_search.hpp"
#include "http/api_error.hpp"
#include "http/collection.hpp"
#include "http/ids.hpp"
#include "http/json_body.hpp"

namespace ltc::admin {

namespace {

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// PostgreSQL text holds neither invalid UTF-8 nor NUL: such a target is refused here, not by
// the database. Other control characters cannot name a target either.
bool is_plain_text(const std::string& text) {
    return http::is_valid_utf8(text) &&
           std::none_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; });
}

Poco::Dynamic::Var nullable(const std::optional<std::string>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

}  // namespace

std::optional<std::string> normalize_iso_time(const std::string& text) {
    static const std::regex pattern(
        R"(^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-](\d{2}):(\d{2})))?$)");
    std::smatch match;
    if (!std::regex_match(text, match, pattern)) return std::nullopt;
    const int year = std::stoi(match[1].str());
    const int month = std::stoi(match[2].str());
    const int day = std::stoi(match[3].str());
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
    if (!match[4].matched) return text + "T00:00:00Z";
    if (std::stoi(match[4].str()) > 23 || std::stoi(match[5].str()) > 59) return std::nullopt;
    if (match[6].matched && std::stoi(match[6].str()) > 59) return std::nullopt;
    if (match[8].matched && (std::stoi(match[8].str()) > 23 || std::stoi(match[9].str()) > 59)) return std::nullopt;
    return text;
}

std::string encode_audit_cursor(const AuditCursor& cursor) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << "k:" << cursor.at << '|' << cursor.id;
    encoder.close();
    return out.str();
}

std::optional<AuditCursor> decode_audit_cursor(const std::string& text) {
    if (text.empty() || text.size() > 200) return std::nullopt;
    std::string decoded;
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
        decoded.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    } catch (const std::exception&) {
        return std::nullopt;
    }
    static const std::regex pattern(R"(^k:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|(.+)$)");
    std::smatch match;
    if (!std::regex_match(decoded, match, pattern)) return std::nullopt;
    AuditCursor cursor{match[1].str(), match[2].str()};
    if (!normalize_iso_time(cursor.at) || !http::is_uuid(cursor.id)) return std::nullopt;
    return cursor;
}

AuditQuery read_audit_query(const http::Request& request) {
    AuditQuery query;
    http::FieldErrors errors;
    static const std::regex action_pattern("^[A-Z][A-Z0-9_]{0,63}$");
    if (const auto action = request.query_param("action"); action && !action->empty()) {
        if (std::regex_match(*action, action_pattern)) {
            query.action = *action;
        } else {
            errors["action"] = "invalid";
        }
    }
    if (auto actor = request.query_param("actor"); actor && !actor->empty()) {
        // Ids are lower-case; an id pasted in upper case still names the same actor.
        std::transform(actor->begin(), actor->end(), actor->begin(), [](unsigned char c) { return std::tolower(c); });
        if (http::is_uuid(*actor)) {
            query.actor = *actor;
        } else {
            errors["actor"] = "invalid";
        }
    }
    if (const auto target = request.query_param("target"); target && !target->empty()) {
        if (target->size() > 200) {
            errors["target"] = "too_long";
        } else if (!is_plain_text(*target)) {
            errors["target"] = "invalid";
        } else {
            query.target = *target;
        }
    }
    for (auto [name, into] : {std::pair{"from", &query.from}, std::pair{"to", &query.to}}) {
        if (const auto value = request.query_param(name); value && !value->empty()) {
            if (const auto normalized = normalize_iso_time(*value)) {
                *into = *normalized;
            } else {
                errors[name] = "invalid";
            }
        }
    }
    http::read_limit(request, query.limit, errors);
    if (const auto cursor = request.query_param("cursor")) {
        query.after = decode_audit_cursor(*cursor);
        if (!query.after) errors["cursor"] = "invalid";
    }
    if (!errors.empty()) throw http::validation_failed(errors);
    return query;
}

Poco::JSON::Object::Ptr audit_page(soci::session& sql, const AuditQuery& query) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    std::optional<AuditCursor> last;
    long long count = 0;
    for (const auto& event : audit::search_events(sql, query)) {
        if (++count > query.limit) break;
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("id", event.id);
        item->set("at", event.at);
        item->set("actor_id", nullable(event.actor_id));
        item->set("actor_role", nullable(event.actor_role));
        item->set("action", event.action);
        item->set("target_type", nullable(event.target_type));
        item->set("target_id", nullable(event.target_id));
        item->set("result", event.result);
        item->set("request_id", nullable(event.request_id));
        Poco::JSON::Parser parser;
        item->set("meta", parser.parse(event.meta_json).extract<Poco::JSON::Object::Ptr>());
        items->add(item);
        last = event.position;
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("items", items);
    body->set("next_cursor", count > query.limit && last ? Poco::Dynamic::Var(encode_audit_cursor(*last)) : Poco::Dynamic::Var());
    return body;
}

}  // namespace ltc::admin
