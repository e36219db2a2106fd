#pragma once
// A QR code as a self-contained SVG document (for the TOTP enrolment answer and later pages).
#include <string>
#include <string_view>

#include "qr/qr_matrix.hpp"  // qr_matrix(text), the module matrix behind the SVG

namespace ltc::qr {

// An <svg> of (modules + 2 * quiet_zone_modules) * module_pixels pixels square: a white
// background <rect>, one black <path> of the dark modules (each horizontal run of dark modules
// one "M x y h… v… h-… z" rectangle), viewBox/width/height in pixels, shape-rendering
// "crispEdges" and a <title> "QR-Code". The text itself is not written into the SVG (it may be
// an otpauth URI holding a secret). Deterministic for the same input.
// Throws std::invalid_argument for module_pixels < 1, quiet_zone_modules < 0 or text that
// qr_matrix refuses, std::runtime_error when encoding fails.
std::string qr_svg(std::string_view text, int module_pixels = 8, int quiet_zone_modules = 4);

}  // namespace ltc::qr
