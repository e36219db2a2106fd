#include "blog/feed.hpp"

namespace ltc::blog {

namespace {
// A feed without articles still needs an <updated>: the epoch says "never".
constexpr char never[] = "1970-01-01T00:00:00Z";

std::string feed_title(const std::string& type) {
    return type == "news" ? "LifeTimeCircle · News" : "LifeTimeCircle · Blog";
}

std::string element(const std::string& name, const std::string& text) {
    return "<" + name + ">" + xml_escape(text) + "</" + name + ">";
}

std::string link(const std::string& rel, const std::string& type, const std::string& href) {
    return "<link rel=\"" + rel + "\" type=\"" + type + "\" href=\"" + xml_escape(href) + "\"/>";
}

std::string entry(const Article& article, const std::string& section_url) {
    const std::string url = section_url + "/" + article.slug;
    const std::string published = article.published_at.value_or(article.updated_at);
    return "<entry>" + element("id", url) + element("title", article.title) + element("published", published) +
           element("updated", published) + link("alternate", "text/html", url) +
           element("summary", article.excerpt) + "</entry>\n";
}
}  // namespace

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += c;
        }
    }
    return out;
}

std::string atom_feed(const std::string& type, const std::string& base_url, const std::vector<Article>& articles) {
    const std::string section_url = base_url + "/" + type;
    const std::string updated =
        articles.empty() ? never : articles.front().published_at.value_or(articles.front().updated_at);
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n";
    xml += element("id", section_url) + element("title", feed_title(type)) + element("updated", updated) +
           link("self", "application/atom+xml", section_url + "/feed.xml") + link("alternate", "text/html", section_url) +
           "\n";
    for (const auto& article : articles) xml += entry(article, section_url);
    return xml + "</feed>\n";
}

}  // namespace ltc::blog
