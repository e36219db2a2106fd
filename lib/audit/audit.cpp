#include "audit/audit.hpp"

#include <set>
#include <stdexcept>

#include <Poco/JSON/Object.h>

#include "crypto/random.hpp"
#include "db/query.hpp"
#include "http/response.hpp"

namespace ltc::audit {

namespace {
std::set<std::string>& allowed_meta_keys() {
    static std::set<std::string> keys = {
        "attempts", "scope", "limit", "delivered", "second_factor", "sessions_ended", "terms", "privacy",
        "source", "reason_code", "method", "count", "from_role", "to_role", "vehicle_id", "version", "fields",
        // documents: never the file name (it can name a person)
        "content_type", "size_bytes", "scan", "pii", "entry_id",
    };
    return keys;
}
}  // namespace

void allow_meta_keys(std::initializer_list<std::string> keys) { allowed_meta_keys().insert(keys); }

std::string meta_json(const std::map<std::string, MetaValue>& meta) {
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object();
    for (const auto& [key, value] : meta) {
        if (!allowed_meta_keys().contains(key)) throw std::logic_error("audit meta key not allowed: " + key);
        std::visit([&](const auto& v) { object->set(key, v); }, value);
    }
    return http::to_json(object);
}

Event by_actor(const std::string& actor_id, const std::string& actor_role, const std::string& request_id,
               std::string action, std::string target_type, std::string target_id, std::string result) {
    Event event;
    event.action = std::move(action);
    event.actor_id = actor_id;
    event.actor_role = actor_role;
    event.target_type = std::move(target_type);
    event.target_id = std::move(target_id);
    event.result = std::move(result);
    event.request_id = request_id;
    return event;
}

void record(soci::session& sql, const Event& event) {
    // Inside a transaction the row travels with its next round trip (at the latest with COMMIT).
    // A time-ordered id, as for entries: the table only grows, and a random id would put every
    // row on a random leaf of its primary key (a page read and a full-page image each, once the
    // index outgrows the cache).
    static const std::string text =
        "INSERT INTO audit_events (id, actor_id, actor_role, action, target_type, target_id, result, request_id, meta)"
        " VALUES ($1::uuid, $2::uuid, $3, $4, NULLIF($5, ''), NULLIF($6, ''), $7, $8, $9::jsonb)";
    db::execute_later(sql, {text,
                            {crypto::time_ordered_uuid(), event.actor_id, event.actor_role, event.action, event.target_type,
                             event.target_id, event.result, event.request_id, meta_json(event.meta)}});
}

}  // namespace ltc::audit
