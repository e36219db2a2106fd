#pragma once
#include <string>

namespace ltc::documents {

// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 /
// RFC 8187) for a sanitised file name: quotes, backslashes and non-ASCII never reach the
// quoted form, and the extended form encodes every byte outside attr-char.
std::string content_disposition(const std::string& filename);

}  // namespace ltc::documents
