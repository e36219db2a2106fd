#include "blog/blog_routes.hpp"
#include "server/route_binding.hpp"

#include "blog/article_json.hpp"
#include "blog/article_store.hpp"

namespace ltc::blog {

namespace {
constexpr char blog[] = "blog";
constexpr char news[] = "news";

template <const char* Type>
http::Response list(http::Request& request, server::Services& services) {
    const http::Page page = http::read_page(request);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array();
    for (const auto& article : list_published(services.database.session(), Type, page)) items->add(summary_json(article));
    return http::json_response(200, http::page_json(items, page));
}

template <const char* Type>
http::Response get(http::Request& request, server::Services& services) {
    const auto article = load_published(services.database.session(), Type, request.param("slug"));
    if (!article) throw http::not_found();
    return http::json_response(200, published_json(*article));
}
}  // namespace

void register_blog_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"GET", "/api/blog", auth::Access::anyone, list<blog>},
        {"GET", "/api/blog/{slug}", auth::Access::anyone, get<blog>},
        {"GET", "/api/news", auth::Access::anyone, list<news>},
        {"GET", "/api/news/{slug}", auth::Access::anyone, get<news>},
    });
}

}  // namespace ltc::blog
