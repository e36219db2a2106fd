#include "qr/qr_svg.hpp"

#include <cstddef>
#include <stdexcept>

#include "qr/qr_matrix.hpp"

namespace ltc::qr {

std::string qr_svg(std::string_view text, int module_pixels, int quiet_zone_modules) {
    if (module_pixels < 1 || module_pixels > 100) {
        throw std::invalid_argument("QR module size must be 1..100 pixels");
    }
    if (quiet_zone_modules < 0 || quiet_zone_modules > 100) {
        throw std::invalid_argument("QR quiet zone must be 0..100 modules");
    }
    const auto matrix = qr_matrix(text);
    const int modules = static_cast<int>(matrix.size());
    const std::string size = std::to_string((modules + 2 * quiet_zone_modules) * module_pixels);
    const std::string px = std::to_string(module_pixels);

    std::string path;
    path.reserve(static_cast<std::size_t>(modules) * static_cast<std::size_t>(modules) * 8);
    for (int y = 0; y < modules; ++y) {
        const auto& row = matrix[static_cast<std::size_t>(y)];
        for (int x = 0; x < modules;) {
            if (!row[static_cast<std::size_t>(x)]) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < modules && row[static_cast<std::size_t>(x + run)]) ++run;
            const std::string w = std::to_string(run * module_pixels);
            path += 'M';
            path += std::to_string((x + quiet_zone_modules) * module_pixels);
            path += ' ';
            path += std::to_string((y + quiet_zone_modules) * module_pixels);
            path += 'h' + w + 'v' + px + 'h' + '-' + w + 'z';
            x += run;
        }
    }

    std::string svg;
    svg.reserve(path.size() + 400);
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size +
           "\" viewBox=\"0 0 " + size + ' ' + size +
           "\" shape-rendering=\"crispEdges\" role=\"img\">";
    svg += "<title>QR-Code</title>";
    svg += "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>";
    svg += "<path fill=\"#000\" d=\"" + path + "\"/>";
    svg += "</svg>";
    return svg;
}

}  // namespace ltc::qr
