#include "publiclink/public_link_store.hpp"

namespace ltc::publiclink {

void rotate_public_link(soci::session&, const std::string&) {
    // replaced at merge: the public-link module rotates the token
}

}  // namespace ltc::publiclink
