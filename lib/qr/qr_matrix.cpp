#include "qr/qr_matrix.hpp"

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include <qrencode.h>

namespace ltc::qr {

std::vector<std::vector<bool>> qr_matrix(std::string_view text) {
    if (text.empty()) throw std::invalid_argument("QR text is empty");
    if (text.find('\0') != std::string_view::npos) {
        throw std::invalid_argument("QR text contains NUL");
    }
    const std::string c_text(text);  // NUL-terminated copy
    errno = 0;
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(c_text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) {
        const int err = errno;
        throw std::runtime_error(std::string("QR encoding failed: ") +
                                 (err == ERANGE ? "text too long" : std::strerror(err)));
    }
    const int width = code->width;
    std::vector<std::vector<bool>> matrix(static_cast<std::size_t>(width),
                                          std::vector<bool>(static_cast<std::size_t>(width)));
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            // Bit 0 of each module byte is the colour: 1 = dark.
            matrix[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)] =
                (code->data[y * width + x] & 1u) != 0;
        }
    }
    return matrix;
}

}  // namespace ltc::qr
