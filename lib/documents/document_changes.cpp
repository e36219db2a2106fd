#include "documents/document_changes.hpp"

#include "vehicles/trust_summary.hpp"

namespace ltc::documents {

namespace {
std::string refusal_message(const std::string& code) {
    if (code == "document_deleted") return "Das Dokument wurde gelöscht.";
    if (code == "document_rejected") return "Das Dokument wurde abgelehnt. Das ist endgültig.";
    if (code == "scan_not_clean") return "Die Virenprüfung hat das Dokument noch nicht als sauber bestätigt.";
    if (code == "pii_not_cleared") return "Die Datenschutz-Prüfung des Dokuments ist noch offen.";
    return {};
}

audit::Event event_for(const http::Request& request, const auth::Caller& caller, const Document& document,
                       const Change& change, const std::string& result) {
    auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, change.action,
                                 "document", document.id, result);
    event.meta = change.meta;
    event.meta["vehicle_id"] = document.vehicle_id;
    return event;
}
}  // namespace

http::ApiError refusal_error(const Refusal& refusal) {
    return http::ApiError(409, refusal.code, refusal_message(refusal.code));
}

void write_state(soci::session& tx, const std::string& document_id, const std::string& vehicle_id,
                 const DocumentState& state, const std::optional<std::string>& actor_id) {
    store_state(tx, document_id, state, actor_id);
    vehicles::refresh_trust_summary(tx, vehicle_id);
}

Document apply_change(const http::Request& request, server::Services& services, const auth::Caller& caller,
                      const Document& document, const Change& change) {
    const auto decided = transition(document.state, change.event);
    if (const auto* refusal = std::get_if<Refusal>(&decided)) {
        auto event = event_for(request, caller, document, change, "denied");
        event.meta["reason_code"] = refusal->code;
        audit::record(services.database.session(), event);
        throw refusal_error(*refusal);
    }
    services.database.transaction([&](soci::session& tx) {
        // Decided again under the row lock: a parallel change may have come first.
        const auto locked = lock_document(tx, document.id);
        const auto next = transition(locked->state, change.event);
        if (const auto* refusal = std::get_if<Refusal>(&next)) throw refusal_error(*refusal);
        write_state(tx, document.id, document.vehicle_id, std::get<DocumentState>(next), caller.session.user_id);
        if (change.extra) change.extra(tx);
        audit::record(tx, event_for(request, caller, document, change, "success"));
    });
    return *load_document(services.database.session(), document.id);
}

}  // namespace ltc::documents
