#include "blog/blog_routes.hpp"
#include "server/route_binding.hpp"

#include "blog/article_json.hpp"
#include "blog/article_store.hpp"
#include "blog/feed.hpp"
#include "http/collection.hpp"

namespace ltc::blog {

namespace {
constexpr char blog[] = "blog";
constexpr char news[] = "news";
// The newest articles a feed lists.
constexpr long long feed_length = 20;

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

// Served at /blog/feed.xml and /news/feed.xml (nginx passes these two paths to the workers).
template <const char* Type>
http::Response feed(http::Request&, server::Services& services) {
    auto articles = list_published(services.database.session(), Type, http::Page{feed_length, 0});
    if (articles.size() > static_cast<std::size_t>(feed_length)) articles.resize(feed_length);
    http::Response response;
    response.content_type = "application/atom+xml; charset=utf-8";
    response.body = atom_feed(Type, services.config.public_base_url, articles);
    return response;
}
}  // namespace

void register_blog_routes(http::Router& router, server::Services& services) {
    server::add_routes(router, services, {
        {"GET", "/api/blog", auth::Access::anyone, list<blog>},
        {"GET", "/api/blog/{slug}", auth::Access::anyone, get<blog>},
        {"GET", "/api/news", auth::Access::anyone, list<news>},
        {"GET", "/api/news/{slug}", auth::Access::anyone, get<news>},
        {"GET", "/blog/feed.xml", auth::Access::anyone, feed<blog>},
        {"GET", "/news/feed.xml", auth::Access::anyone, feed<news>},
    });
}

}  // namespace ltc::blog
