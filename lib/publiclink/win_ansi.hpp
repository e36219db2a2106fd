#pragma once
// UTF-8 → Windows-1252 for libhpdf's built-in fonts with WinAnsiEncoding, which cover German
// umlauts, ß, €, „“ and the dashes. Pure.
#include <string>
#include <string_view>

namespace ltc::publiclink {

// Characters outside Windows-1252, control characters and malformed UTF-8 become '?'.
std::string to_win_ansi(std::string_view utf8);

}  // namespace ltc::publiclink
