#pragma once
// The module matrix of a QR code (libqrencode, error correction level M, 8-bit mode),
// shared by the SVG renderer and any later PNG/PDF renderer.
#include <string_view>
#include <vector>

namespace ltc::qr {

// matrix[y][x] is true for a dark module; the matrix is square (21…177 modules), without the
// quiet zone. Throws std::invalid_argument for empty text or text containing NUL, and
// std::runtime_error when libqrencode cannot encode it (e.g. too long, out of memory).
std::vector<std::vector<bool>> qr_matrix(std::string_view text);

}  // namespace ltc::qr
