#include "qr/qr_png.hpp"

#include <cstring>
#include <stdexcept>
#include <vector>

#include <png.h>

#include "qr/qr_matrix.hpp"

namespace ltc::qr {

std::string qr_png(std::string_view text, int module_pixels, int quiet_zone_modules) {
    if (module_pixels < 1 || module_pixels > 100) throw std::invalid_argument("QR module size must be 1..100 pixels");
    if (quiet_zone_modules < 0 || quiet_zone_modules > 100) throw std::invalid_argument("QR quiet zone must be 0..100 modules");
    const auto matrix = qr_matrix(text);
    const int modules = static_cast<int>(matrix.size());
    const int size = (modules + 2 * quiet_zone_modules) * module_pixels;

    std::vector<png_byte> pixels(static_cast<std::size_t>(size) * static_cast<std::size_t>(size), 0xff);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            if (!matrix[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)]) continue;
            for (int dy = 0; dy < module_pixels; ++dy) {
                const int row = (y + quiet_zone_modules) * module_pixels + dy;
                const int column = (x + quiet_zone_modules) * module_pixels;
                std::memset(&pixels[static_cast<std::size_t>(row) * static_cast<std::size_t>(size) + static_cast<std::size_t>(column)],
                            0, static_cast<std::size_t>(module_pixels));
            }
        }
    }

    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(size);
    image.height = static_cast<png_uint_32>(size);
    image.format = PNG_FORMAT_GRAY;
    png_alloc_size_t bytes = 0;
    if (!png_image_write_to_memory(&image, nullptr, &bytes, 0, pixels.data(), 0, nullptr)) {
        throw std::runtime_error(std::string("PNG encoding failed: ") + image.message);
    }
    std::string png(bytes, '\0');
    if (!png_image_write_to_memory(&image, png.data(), &bytes, 0, pixels.data(), 0, nullptr)) {
        throw std::runtime_error(std::string("PNG encoding failed: ") + image.message);
    }
    png.resize(bytes);
    return png;
}

}  // namespace ltc::qr
