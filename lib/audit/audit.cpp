#include "audit/audit.hpp"

#include <set>
#include <stdexcept>

#include <Poco/JSON/Object.h>

#include "http/response.hpp"

namespace ltc::audit {

namespace {
const std::set<std::string>& allowed_meta_keys() {
    static const std::set<std::string> keys = {
        "attempts", "scope", "limit", "delivered", "second_factor", "sessions_ended", "terms", "privacy",
        "source", "reason_code", "method", "count", "from_role", "to_role", "vehicle_id", "version", "fields",
        // documents: never the file name (it can name a person)
        "content_type", "size_bytes", "scan", "pii", "entry_id",
    };
    return keys;
}
}  // namespace

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
    const std::string meta = meta_json(event.meta);
    soci::indicator actor_indicator = event.actor_id ? soci::i_ok : soci::i_null;
    std::string actor = event.actor_id.value_or("");
    sql << "INSERT INTO audit_events (actor_id, actor_role, action, target_type, target_id, result, request_id, meta)"
           " VALUES (CAST(:actor AS uuid), :role, :action, NULLIF(:target_type, ''), NULLIF(:target_id, ''), :result,"
           " :request_id, CAST(:meta AS jsonb))",
        soci::use(actor, actor_indicator), soci::use(event.actor_role), soci::use(event.action),
        soci::use(event.target_type), soci::use(event.target_id), soci::use(event.result), soci::use(event.request_id),
        soci::use(meta);
}

}  // namespace ltc::audit
