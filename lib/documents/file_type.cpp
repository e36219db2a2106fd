#include "documents/file_type.hpp"

namespace ltc::documents {

namespace {
// A JPEG starts with SOI (FF D8) followed by the first segment's marker: an APPn, a
// quantisation/Huffman table, a frame header or a comment.
bool is_jpeg_start(std::string_view head) {
    if (head.size() < 4) return false;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
    if (byte(0) != 0xFF || byte(1) != 0xD8 || byte(2) != 0xFF) return false;
    const unsigned char marker = byte(3);
    return (marker >= 0xE0 && marker <= 0xEF) || marker == 0xDB || marker == 0xC4 || marker == 0xFE ||
           (marker >= 0xC0 && marker <= 0xC2);
}
}  // namespace

std::optional<FileType> detect_file_type(std::string_view head) {
    if (is_jpeg_start(head)) return FileType::jpeg;
    if (head.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return FileType::png;
    if (head.starts_with("%PDF-")) return FileType::pdf;
    return std::nullopt;
}

std::string content_type(FileType type) {
    switch (type) {
        case FileType::jpeg: return "image/jpeg";
        case FileType::png: return "image/png";
        case FileType::pdf: return "application/pdf";
    }
    return "application/octet-stream";
}

std::string extension(FileType type) {
    switch (type) {
        case FileType::jpeg: return ".jpg";
        case FileType::png: return ".png";
        case FileType::pdf: return ".pdf";
    }
    return "";
}

}  // namespace ltc::documents
