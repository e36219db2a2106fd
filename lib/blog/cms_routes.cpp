#include "blog/cms_routes.hpp"
#include "server/route_binding.hpp"

#include "admin/admin_access.hpp"
#include "audit/audit.hpp"
#include "blog/article_input.hpp"
#include "blog/article_json.hpp"
#include "blog/article_store.hpp"
#include "blog/markdown.hpp"
#include "db/error_mapping.hpp"
#include "http/collection.hpp"
#include "http/ids.hpp"

namespace ltc::blog {

namespace {
// A type outside blog|news is an unknown path: 404 before anything else, as the router would.
std::string require_type(const http::Request& request) {
    const std::string type = request.param("type");
    if (!is_article_type(type)) throw http::not_found();
    return type;
}

// Signed in with a full session, an editor role (else 403 forbidden), consent complete.
auth::Caller require_editor(http::Request& request, server::Services& services) {
    const auth::Caller caller = auth::require_signed_in(request, services);
    if (!is_editor_role(caller.session.role)) throw http::ApiError(403, "forbidden");
    auth::require_consent(caller);
    return caller;
}

Article require_article(const http::Request& request, server::Services& services, const std::string& type) {
    const std::string id = request.param("id");
    if (!http::is_uuid(id)) throw http::not_found();
    auto article = load_article(services.database.session(), type, id);
    if (!article) throw http::not_found();
    return *article;
}

// The article locked for a change; gone meanwhile → 404.
Article lock_existing(soci::session& tx, const Article& article) {
    auto locked = lock_article(tx, article.type, article.id);
    if (!locked) throw http::not_found();
    return *locked;
}

void record(soci::session& sql, const http::Request& request, const auth::Caller& caller, const std::string& action,
            const Article& article) {
    auto event = audit::by_actor(caller.session.user_id, caller.session.role, request.request_id, action, "article",
                                 article.id);
    event.meta["article_type"] = article.type;
    audit::record(sql, event);
}

http::Response reloaded(int status, server::Services& services, const std::string& type, const std::string& id) {
    const auto article = load_article(services.database.session(), type, id);
    if (!article) throw http::not_found();
    return http::json_response(status, article_json(*article));
}

http::Response list(http::Request& request, server::Services& services) {
    const std::string type = require_type(request);
    require_editor(request, services);
    const http::Page page = http::read_page(request);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& article : list_all(services.database.session(), type, page)) items->add(article_json(article));
    return http::json_response(200, http::page_json(items, page));
}

http::Response create(http::Request& request, server::Services& services) {
    const std::string type = require_type(request);
    const auth::Caller caller = require_editor(request, services);
    Article article;
    article.type = type;
    article = apply_input(article, read_article_input(request, InputMode::create));
    article.body_html = render_markdown(article.body_md);
    services.database.transaction([&](soci::session& tx) {
        article.id = insert_article(tx, article, caller.session.user_id);
        record(tx, request, caller, "ARTICLE_CREATED", article);
    });
    return reloaded(201, services, type, article.id);
}

http::Response patch(http::Request& request, server::Services& services) {
    const std::string type = require_type(request);
    const auth::Caller caller = require_editor(request, services);
    const Article current = require_article(request, services, type);
    if (const auto refusal = edit_refusal(current.state, caller.session.role)) {
        const http::ApiError error(403, *refusal);
        admin::record_denial(services.database.session(), request, caller, "ARTICLE_UPDATED", "article", current.id, error);
        throw error;
    }
    const ArticleInput input = read_article_input(request, InputMode::patch);
    services.database.transaction([&](soci::session& tx) {
        Article article = lock_existing(tx, current);
        // Published meanwhile: the same refusal, now without a second audit row.
        if (const auto refusal = edit_refusal(article.state, caller.session.role)) throw http::ApiError(403, *refusal);
        article = apply_input(article, input);
        if (input.body_md) article.body_html = render_markdown(article.body_md);
        article.state = state_after_edit(article.state, caller.session.role);
        update_article(tx, article);
        record(tx, request, caller, "ARTICLE_UPDATED", article);
    });
    return reloaded(200, services, type, current.id);
}

http::Response submit(http::Request& request, server::Services& services) {
    const std::string type = require_type(request);
    const auth::Caller caller = require_editor(request, services);
    const Article current = require_article(request, services, type);
    services.database.transaction([&](soci::session& tx) {
        Article article = lock_existing(tx, current);
        if (article.state == "published") {
            throw http::ApiError(409, "already_published", "Dieser Artikel ist schon veröffentlicht.");
        }
        if (article.state == "in_review") return;  // submitted twice: nothing changes
        article.state = "in_review";
        update_article(tx, article);
        record(tx, request, caller, "ARTICLE_SUBMITTED", article);
    });
    return reloaded(200, services, type, current.id);
}

http::Response review(http::Request& request, server::Services& services) {
    const std::string type = require_type(request);
    const auth::Caller caller = admin::require_admin_access(request, services);
    const Article current = require_article(request, services, type);
    const std::string note = read_review_note(request);
    services.database.transaction([&](soci::session& tx) {
        Article article = lock_existing(tx, current);
        if (article.state != "in_review") {
            throw http::ApiError(409, "not_in_review", "Nur eingereichte Artikel können geprüft werden.");
        }
        article.review_note = note;  // the article stays in review: publishing is the superadmin's step
        update_article(tx, article);
        record(tx, request, caller, "ARTICLE_REVIEWED", article);
    });
    return reloaded(200, services, type, current.id);
}

http::Response publish(http::Request& request, server::Services& services) {
    const std::string type = require_type(request);
    const auth::Caller caller = admin::require_admin_access(request, services);
    const Article current = require_article(request, services, type);
    auth::require_step_up(caller);
    services.database.transaction([&](soci::session& tx) {
        Article article = lock_existing(tx, current);
        if (article.state != "in_review") {
            throw http::ApiError(409, "review_required", "Der Artikel muss vor dem Veröffentlichen eingereicht und geprüft werden.");
        }
        article.state = "published";
        update_article(tx, article);
        record(tx, request, caller, "ARTICLE_PUBLISHED", article);
    });
    return reloaded(200, services, type, current.id);
}
}  // namespace

void register_cms_routes(http::Router& router, server::Services& services) {
    db::register_conflict_code("articles_type_slug_key", "slug_taken");
    audit::allow_meta_keys({"article_type"});
    server::add_routes(router, services, {
        {"GET", "/api/cms/{type}", auth::Access::editor, list},
        {"POST", "/api/cms/{type}", auth::Access::editor, create},
        {"PATCH", "/api/cms/{type}/{id}", auth::Access::editor, patch},
        {"POST", "/api/cms/{type}/{id}/submit", auth::Access::editor, submit},
        {"POST", "/api/cms/{type}/{id}/review", auth::Access::admin, review},
        {"POST", "/api/cms/{type}/{id}/publish", auth::Access::superadmin, publish, {"ARTICLE_PUBLISHED", "article"}},
    });
}

}  // namespace ltc::blog
