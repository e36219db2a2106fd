#pragma once
#include <string>

namespace ltc::http {

// A canonical lower-case UUID as PostgreSQL prints it; ids in paths are checked with this
// before they reach SQL.
bool is_uuid(const std::string& text);

}  // namespace ltc::http
