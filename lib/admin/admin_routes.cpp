// /api/admin/audit, /api/admin/stats, /api/admin/consent-documents; the user routes come from
// user_routes.cpp.
#include "admin/admin_routes.hpp"
#include "server/route_binding.hpp"

#include <regex>

#include "admin/admin_access.hpp"
#include "admin/audit_query.hpp"
#include "admin/stats_store.hpp"
#include "audit/audit.hpp"
#include "consent/consent_store.hpp"
#include "documents/document_store.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"

namespace ltc::admin {

namespace {

// GET /api/admin/audit?action=&actor=&target=&from=&to=&limit=&cursor=
http::Response audit_list(http::Request& request, server::Services& services) {
    require_admin_access(request, services);
    const AuditQuery query = read_audit_query(request);
    return http::json_response(200, audit_page(services.database.session(), query));
}

// GET /api/admin/stats
http::Response stats(http::Request& request, server::Services& services) {
    require_admin_access(request, services);
    const Stats counted = read_stats(services.database.session());
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("users", counted.users);
    body->set("vehicles", counted.vehicles);
    body->set("entries", counted.entries);
    body->set("documents_in_quarantine", documents::count_quarantined(services.database.session()));
    body->set("transfers_open", counted.transfers_open);
    return http::json_response(200, body);
}

// A consent document's address: a site path ("/agb") or an https URL, printable ASCII only.
bool is_document_url(const std::string& url) {
    static const std::regex pattern(R"(^(/(?!/)|https://[A-Za-z0-9.-]+(:\d{1,5})?(/|$))[!#-;=?-~]*$)");
    return std::regex_match(url, pattern);
}

// POST /api/admin/consent-documents {"doc","version","url"} (superadmin + step-up) → 201 the new
// current version; every user has to accept it before product routes answer again.
http::Response publish_consent(http::Request& request, server::Services& services) {
    const auth::Caller caller = require_admin_access(request, services);
    auth::require_step_up(caller);
    http::FieldReader fields(http::json_body(request), {"doc", "version", "url"});
    const std::string doc = fields.required_string("doc", 100);
    const std::string version = fields.required_string("version", 40);
    const std::string url = fields.required_string("url", 2000);
    static const std::regex version_pattern("^[0-9A-Za-z._-]+$");
    if (!doc.empty() && doc != "terms" && doc != "privacy") fields.fail("doc", "invalid");
    if (!version.empty() && !std::regex_match(version, version_pattern)) fields.fail("version", "invalid");
    if (!url.empty() && !is_document_url(url)) fields.fail("url", "invalid");
    fields.finish();

    services.database.transaction([&](soci::session& tx) {
        if (!consent::publish_document(tx, {doc, version, url})) {
            throw http::ApiError(409, "consent_version_exists", "Diese Version wurde bereits veröffentlicht.");
        }
        auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, "CONSENT_PUBLISHED",
                                     "consent_document", doc);
        event.meta = {{"version", version}};
        audit::record(tx, event);
    });
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("doc", doc);
    body->set("version", version);
    body->set("url", url);
    return http::json_response(201, body);
}

}  // namespace

void register_admin_routes(http::Router& router, server::Services& services) {
    register_user_routes(router, services);
    server::add_routes(router, services, {
        {"GET", "/api/admin/audit", auth::Access::admin, audit_list},
        {"GET", "/api/admin/stats", auth::Access::admin, stats},
        {"POST", "/api/admin/consent-documents", auth::Access::superadmin, publish_consent, {"CONSENT_PUBLISHED", "consent_document"}},
    });
}

}  // namespace ltc::admin
