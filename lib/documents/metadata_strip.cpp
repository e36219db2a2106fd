#include "documents/metadata_strip.hpp"

#include <cstdint>

namespace ltc::documents {

namespace {

std::uint32_t big_endian(std::string_view bytes, std::size_t at, std::size_t width) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

bool is_jpeg_metadata(unsigned char marker) { return marker == 0xE1 || marker == 0xED; }  // APP1, APP13

// Frame headers a browser decodes: baseline, extended sequential, progressive (SOF0..SOF2).
bool is_frame_header(unsigned char marker) { return marker >= 0xC0 && marker <= 0xC2; }

// Markers without a length field: TEM, RST0..7 (SOI/EOI are handled by the caller).
bool is_standalone(unsigned char marker) { return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7); }

constexpr std::string_view png_signature("\x89PNG\r\n\x1a\n", 8);
constexpr std::string_view xmp_keyword("XML:com.adobe.xmp\0", 18);

bool is_png_metadata(std::string_view type, std::string_view data) {
    if (type == "eXIf") return true;
    return type == "iTXt" && data.starts_with(xmp_keyword);
}

}  // namespace

std::optional<std::string> strip_jpeg_metadata(std::string_view bytes) {
    if (bytes.size() < 4 || static_cast<unsigned char>(bytes[0]) != 0xFF || static_cast<unsigned char>(bytes[1]) != 0xD8) {
        return std::nullopt;
    }
    std::string out(bytes.substr(0, 2));
    std::size_t at = 2;
    bool frame = false;
    while (at < bytes.size()) {
        if (static_cast<unsigned char>(bytes[at]) != 0xFF) return std::nullopt;
        std::size_t marker_at = at;
        while (marker_at < bytes.size() && static_cast<unsigned char>(bytes[marker_at]) == 0xFF) ++marker_at;  // fill bytes
        if (marker_at >= bytes.size()) return std::nullopt;
        const unsigned char marker = static_cast<unsigned char>(bytes[marker_at]);
        if (marker == 0xD9) return std::nullopt;  // EOI before any scan: no image
        if (marker == 0xDA) {
            // The start of the entropy-coded scan: everything from here is image data (and any
            // trailing bytes), copied unchanged. Without a frame header before it, or when what
            // is left no longer starts like a JPEG, the file is not an image we can serve.
            if (!frame) return std::nullopt;
            out.append(bytes.substr(at));
            if (detect_file_type(out) != FileType::jpeg) return std::nullopt;
            return out;
        }
        if (is_standalone(marker)) {
            out.append(bytes.substr(at, marker_at + 1 - at));
            at = marker_at + 1;
            continue;
        }
        if (marker_at + 3 > bytes.size()) return std::nullopt;
        const std::size_t length = big_endian(bytes, marker_at + 1, 2);
        const std::size_t end = marker_at + 1 + length;
        if (length < 2 || end > bytes.size()) return std::nullopt;
        frame = frame || is_frame_header(marker);
        if (!is_jpeg_metadata(marker)) out.append(bytes.substr(at, end - at));
        at = end;
    }
    return std::nullopt;  // no scan: not an image
}

std::optional<std::string> strip_png_metadata(std::string_view bytes) {
    if (!bytes.starts_with(png_signature)) return std::nullopt;
    std::string out(png_signature);
    std::size_t at = png_signature.size();
    bool first = true;
    bool image_data = false;
    while (at + 12 <= bytes.size()) {
        const std::size_t length = big_endian(bytes, at, 4);
        if (length > bytes.size() - at - 12) return std::nullopt;
        const std::string_view type = bytes.substr(at + 4, 4);
        const std::string_view data = bytes.substr(at + 8, length);
        if (first && type != "IHDR") return std::nullopt;
        first = false;
        image_data = image_data || type == "IDAT";
        const std::size_t end = at + 12 + length;
        if (!is_png_metadata(type, data)) out.append(bytes.substr(at, end - at));
        at = end;
        if (type == "IEND") {
            if (!image_data) return std::nullopt;  // no IDAT: no image
            out.append(bytes.substr(at));  // trailing bytes are kept as they are
            return out;
        }
    }
    return std::nullopt;  // no IEND: truncated
}

std::optional<std::string> strip_metadata(FileType type, std::string_view bytes) {
    switch (type) {
        case FileType::jpeg: return strip_jpeg_metadata(bytes);
        case FileType::png: return strip_png_metadata(bytes);
        case FileType::pdf: return std::string(bytes);
    }
    return std::nullopt;
}

}  // namespace ltc::documents
