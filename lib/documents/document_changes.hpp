#pragma once
// Every state change of a document goes through here: the pure transition, then one
// transaction that writes the new state, the handler's extra columns, the audit row and the
// vehicle's trust summary together.
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "audit/audit.hpp"
#include "auth/authenticate.hpp"
#include "documents/document_state.hpp"
#include "documents/document_store.hpp"
#include "http/api_error.hpp"

namespace ltc::documents {

// 409 with the refusal's code and a German message.
http::ApiError refusal_error(const Refusal& refusal);

// Writes a state and refreshes the vehicle's trust summary (inside the caller's transaction).
void write_state(soci::session& tx, const std::string& document_id, const std::string& vehicle_id,
                 const DocumentState& state, const std::optional<std::string>& actor_id);

struct Change {
    Event event;
    std::string action;  // audit action, e.g. DOCUMENT_APPROVED
    std::map<std::string, audit::MetaValue> meta;
    std::function<void(soci::session&)> extra;  // e.g. the reject reason
};

// Applies `change` to the document as the caller; a refusal is audited (result denied, on its
// own) and thrown as 409. Returns the document as stored afterwards.
Document apply_change(const http::Request& request, server::Services& services, const auth::Caller& caller,
                      const Document& document, const Change& change);

}  // namespace ltc::documents
