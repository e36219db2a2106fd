#include "documents/document_review_routes.hpp"
#include "server/route_binding.hpp"

#include "admin/admin_access.hpp"
#include "documents/document_access.hpp"
#include "documents/document_changes.hpp"
#include "documents/document_input.hpp"
#include "documents/document_json.hpp"

namespace ltc::documents {

namespace {

struct Review {
    auth::Caller caller;
    Document document;
};

// API.md order: admin (401/403, consent) → the document (404) → step-up when asked.
Review require_review(http::Request& request, server::Services& services, bool step_up) {
    auth::Caller caller = admin::require_admin_access(request, services);
    Document document = require_document(request, services, caller);
    if (step_up) auth::require_step_up(caller);
    return Review{std::move(caller), std::move(document)};
}

// GET /api/admin/documents?approval=quarantined&limit=&cursor= — oldest first, keyset paging.
http::Response queue(http::Request& request, server::Services& services) {
    admin::require_admin_access(request, services);
    const QueueQuery query = read_queue_query(request);
    const auto documents = review_queue(services.database.session(), query.approval, query.cursor, query.limit + 1);
    return http::json_response(200, documents_page(documents, static_cast<std::size_t>(query.limit)));
}

// POST /api/admin/documents/{doc_id}/scan {"result"}: a scan result recorded by hand.
http::Response scan(http::Request& request, server::Services& services) {
    const Review review = require_review(request, services, false);
    const Scan result = read_scan_result(request);
    const Change change{result == Scan::infected ? Event::scan_infected : Event::scan_clean, "DOCUMENT_SCANNED",
                        {{"scan", std::string(to_string(result))}, {"source", std::string("admin")}}, {}};
    return http::json_response(200, document_json(apply_change(request, services, review.caller, review.document, change)));
}

// POST /api/admin/documents/{doc_id}/approve (step-up): 409 deleted → rejected → scan → PII.
http::Response approve(http::Request& request, server::Services& services) {
    const Review review = require_review(request, services, true);
    const Change change{Event::approve, "DOCUMENT_APPROVED", {}, {}};
    return http::json_response(200, document_json(apply_change(request, services, review.caller, review.document, change)));
}

// POST /api/admin/documents/{doc_id}/reject {"reason"} (step-up); rejected is final.
http::Response reject(http::Request& request, server::Services& services) {
    const Review review = require_review(request, services, true);
    const std::string reason = read_reject_reason(request);
    const Change change{Event::reject, "DOCUMENT_REJECTED", {},
                        [&](soci::session& tx) { store_reject_reason(tx, review.document.id, reason); }};
    return http::json_response(200, document_json(apply_change(request, services, review.caller, review.document, change)));
}

}  // namespace

void register_document_review_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"GET", "/api/admin/documents", auth::Access::admin, queue},
        {"POST", "/api/admin/documents/{doc_id}/scan", auth::Access::admin, scan},
        {"POST", "/api/admin/documents/{doc_id}/approve", auth::Access::admin, approve},
        {"POST", "/api/admin/documents/{doc_id}/reject", auth::Access::admin, reject},
    });
}

}  // namespace ltc::documents
