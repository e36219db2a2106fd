#include "consent/consent_routes.hpp"

#include <algorithm>

#include "server/route_binding.hpp"
#include "audit/audit.hpp"
#include "auth/authenticate.hpp"
#include "consent/consent_store.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"

namespace ltc::consent {

namespace {

Poco::JSON::Object::Ptr document_json(const Document& document, bool with_url) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("doc", document.doc);
    item->set("version", document.version);
    if (with_url) item->set("url", document.url);
    return item;
}

// Anyone gets the current versions; a signed-in caller also their acceptances.
http::Response get_consent(http::Request& request, server::Services& services) {
    soci::session& sql = services.database.session();
    Poco::JSON::Array::Ptr current = new Poco::JSON::Array();
    for (const auto& document : current_documents(sql)) current->add(document_json(document, true));
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("current", current);
    // A pending second-factor session is answered like anyone (API.md "Edge decisions").
    if (const auto caller = auth::find_caller(request, services); caller && caller->session.second_factor == "none") {
        Poco::JSON::Array::Ptr accepted = new Poco::JSON::Array();
        for (const auto& acceptance : acceptances(sql, caller->session.user_id)) {
            Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("doc", acceptance.doc);
            item->set("version", acceptance.version);
            item->set("accepted_at", acceptance.accepted_at);
            item->set("source", acceptance.source);
            accepted->add(item);
        }
        body->set("accepted", accepted);
        body->set("complete", caller->session.consent_missing.empty());
    }
    return http::json_response(200, body);
}

// Each entry of "accept" must be {"doc","version"} with strings; anything else is a validation error.
std::vector<Document> read_accepted(http::FieldReader& fields) {
    std::vector<Document> accepted;
    const Poco::Dynamic::Var raw = fields.raw("accept");
    if (raw.isEmpty()) {
        fields.fail("accept", "required");
        return accepted;
    }
    if (raw.type() != typeid(Poco::JSON::Array::Ptr)) {
        fields.fail("accept", "invalid");
        return accepted;
    }
    const auto array = raw.extract<Poco::JSON::Array::Ptr>();
    if (array->size() == 0 || array->size() > 10) fields.fail("accept", array->size() == 0 ? "required" : "invalid");
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto item = array->getObject(static_cast<unsigned>(i));
        if (item.isNull() || item->size() != 2 || !item->has("doc") || !item->has("version") ||
            !item->get("doc").isString() || !item->get("version").isString()) {
            fields.fail("accept", "invalid");
            break;
        }
        accepted.push_back(Document{item->getValue<std::string>("doc"), item->getValue<std::string>("version"), {}});
    }
    return accepted;
}

http::Response post_consent(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_signed_in(request, services);
    http::FieldReader fields(http::json_body(request), {"accept"});
    const std::vector<Document> accepted = read_accepted(fields);
    fields.finish();

    services.database.transaction([&](soci::session& tx) {
        const auto missing = missing_documents(tx, caller.session.user_id);
        for (const auto& document : missing) {
            const bool named = std::any_of(accepted.begin(), accepted.end(), [&](const Document& a) {
                return a.doc == document.doc && a.version == document.version;
            });
            if (!named) throw http::ApiError(400, "consent_incomplete", "Bitte stimme allen aktuellen Dokumenten zu.");
        }
        audit::Event event;
        event.action = "CONSENT_ACCEPTED";
        event.actor_id = caller.session.user_id;
        event.actor_role = caller.session.role;
        event.target_type = "user";
        event.target_id = caller.session.user_id;
        event.request_id = request.request_id;
        event.meta["source"] = std::string("web");
        for (const auto& document : missing) {
            accept(tx, caller.session.user_id, document, "web");
            event.meta[document.doc] = document.version;
        }
        if (!missing.empty()) audit::record(tx, event);
    });
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object();
    body->set("complete", true);
    return http::json_response(200, body);
}

}  // namespace

void register_consent_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"GET", "/api/consent", auth::Access::optional_session, get_consent},
        {"POST", "/api/consent", auth::Access::signed_in, post_consent},
    });
}

}  // namespace ltc::consent
