#pragma once
// Reading `audit_events` (the admin's audit view): exact filters and keyset paging on (at, id),
// newest first. Writing is audit.hpp; both are the store of that table.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace ltc::audit {

struct EventCursor {
    std::string at;  // microsecond precision, "YYYY-MM-DDTHH:MM:SS.ffffffZ"
    std::string id;
};

struct EventFilter {
    std::string action;  // every field: empty = not filtered
    std::string actor;
    std::string target;
    std::string from;  // a full ISO time, inclusive
    std::string to;    // exclusive
    long long limit = 50;
    std::optional<EventCursor> after;
};

struct StoredEvent {
    std::string id;
    std::string at;  // ISO, milliseconds
    std::optional<std::string> actor_id;
    std::optional<std::string> actor_role;
    std::string action;
    std::optional<std::string> target_type;
    std::optional<std::string> target_id;
    std::string result;
    std::optional<std::string> request_id;
    std::string meta_json;
    EventCursor position;  // of this row, for the next page's cursor
};

// Up to filter.limit + 1 events (the extra one only tells that there is a next page).
std::vector<StoredEvent> search_events(soci::session& sql, const EventFilter& filter);

}  // namespace ltc::audit
