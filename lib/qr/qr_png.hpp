#pragma once
// A QR code as a PNG (libpng's simplified write API): 8-bit greyscale, black modules on white,
// the quiet zone included. Same parameters and errors as qr_svg.
#include <string>
#include <string_view>

namespace ltc::qr {

// (modules + 2 * quiet_zone_modules) * module_pixels pixels square; deterministic.
std::string qr_png(std::string_view text, int module_pixels = 8, int quiet_zone_modules = 4);

}  // namespace ltc::qr
