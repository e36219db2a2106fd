#pragma once
// The original file name survives only as display metadata: it never names a file on disk and
// never reaches a log or an audit row (it can hold a person's name).
#include <cstddef>
#include <string>
#include <string_view>

namespace ltc::documents {

constexpr std::size_t max_file_name_code_points = 200;

// The last path part (after '/' or '\'), without control characters (C0, DEL, C1), bidi and
// invisible formatting characters (RTL override U+202E and its kin), invalid UTF-8, leading
// dots and surrounding spaces; at most 200 code points (the extension kept when shortened).
// An empty result becomes `fallback`.
std::string sanitize_file_name(std::string_view raw, const std::string& fallback);

}  // namespace ltc::documents
