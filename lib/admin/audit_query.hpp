#pragma once
// GET /api/admin/audit: filters (exact action, actor id, target id; from inclusive, to
// exclusive) and keyset paging on (at, id), newest first. A keyset cursor stays correct while
// new rows arrive, which an offset into a growing table would not.
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include "audit/event_search.hpp"
#include "http/request.hpp"

namespace ltc::admin {

// The query is the audit store's filter (audit/event_search.hpp).
using AuditCursor = audit::EventCursor;
using AuditQuery = audit::EventFilter;

// 400 validation_failed naming each bad parameter (action, actor, target, from, to, limit, cursor).
AuditQuery read_audit_query(const http::Request& request);

// {"items":[{"id","at","actor_id","actor_role","action","target_type","target_id","result","request_id","meta"}],
//  "next_cursor"}
Poco::JSON::Object::Ptr audit_page(soci::session& sql, const AuditQuery& query);

std::string encode_audit_cursor(const AuditCursor& cursor);
std::optional<AuditCursor> decode_audit_cursor(const std::string& text);

// "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM[:SS[.f{1,6}]](Z|±HH:MM)" with a real calendar
// date and clock time → the text PostgreSQL gets; nullopt for anything else.
std::optional<std::string> normalize_iso_time(const std::string& text);

}  // namespace ltc::admin
