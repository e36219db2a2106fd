#include "audit/event_search.hpp"

#include "db/query.hpp"
#include "db/rows.hpp"

namespace ltc::audit {

std::vector<StoredEvent> search_events(soci::session& sql, const EventFilter& filter) {
    // Only the filters that are set become conditions, so each shape of query gets a plan that
    // uses its index (action, actor_id, target_id or at — all with at DESC).
    std::string text = "SELECT id::text, " + db::iso_utc("at") +
                       ", actor_id::text, actor_role, action, target_type, target_id, result, request_id, meta::text,"
                       " to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM audit_events WHERE true";
    std::vector<db::Param> params;
    const auto bind = [&params](const std::string& value) {
        params.emplace_back(value);
        return "$" + std::to_string(params.size());
    };
    const auto condition = [&](const std::string& before, const std::string& value, const std::string& after) {
        if (!value.empty()) text += " AND " + before + bind(value) + after;
    };
    condition("action = ", filter.action, "");
    condition("actor_id = ", filter.actor, "::uuid");
    condition("target_id = ", filter.target, "");
    condition("at >= ", filter.from, "::timestamptz");
    condition("at < ", filter.to, "::timestamptz");
    if (filter.after) {
        const std::string at = bind(filter.after->at);
        text += " AND (at, id) < (" + at + "::timestamptz, " + bind(filter.after->id) + "::uuid)";
    }
    text += " ORDER BY at DESC, id DESC LIMIT " + bind(std::to_string(filter.limit + 1)) + "::bigint";

    std::vector<StoredEvent> events;
    for (const auto row : db::query(sql, text, params)) {
        events.push_back(StoredEvent{row.text(0), row.text(1), row.optional_text(2), row.optional_text(3), row.text(4),
                                     row.optional_text(5), row.optional_text(6), row.text(7), row.optional_text(8),
                                     row.text(9), EventCursor{row.text(10), row.text(0)}});
    }
    return events;
}

}  // namespace ltc::audit
