#include "blog_helpers.hpp"

#include <sstream>

#include <Poco/JSON/Object.h>

namespace ltc::test {

std::string unique_slug(const std::string& prefix) { return prefix + "-" + random_uuid().substr(0, 8); }

std::string article_body(const std::string& slug, const std::string& body_md) {
    Poco::JSON::Object object;
    object.set("slug", slug);
    object.set("title", "Titel " + slug);
    object.set("excerpt", "Kurz gesagt");
    object.set("body_md", body_md);
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

std::string text_of(const Reply& reply, const std::string& name) { return reply.json()->getValue<std::string>(name); }

Reply read_anonymously(const std::string& path) {
    StackClient reader;
    return reader.get(path);
}

}  // namespace ltc::test
