#include "documents/document_access.hpp"

#include "audit/audit.hpp"
#include "http/api_error.hpp"
#include "http/ids.hpp"

namespace ltc::documents {

Document require_document(const http::Request& request, server::Services& services, const auth::Caller& caller) {
    const std::string id = request.param("doc_id");
    if (!http::is_uuid(id)) throw http::not_found();
    soci::session& sql = services.database.session();
    const auto document = load_document(sql, id);
    const bool admin = auth::is_admin_role(caller.session.role);
    if (!document || (document->owner_id != caller.session.user_id && !admin)) {
        audit::record(sql, audit::by_actor(caller.session.user_id, caller.session.role, request.request_id,
                                           "ACCESS_DENIED", "document", id, "denied"));
        throw http::not_found();
    }
    if (!admin && (document->state.deleted || document->vehicle_deleted)) throw http::not_found();
    return *document;
}

}  // namespace ltc::documents
