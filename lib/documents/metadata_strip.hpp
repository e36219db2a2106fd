#pragma once
// Lossless removal of the metadata a phone photo carries (GPS position, device, author):
// JPEG APP1 (EXIF, XMP) and APP13 (IPTC) segments, PNG eXIf chunks and XMP iTXt chunks. Pixels
// are never re-encoded and every other segment or chunk is copied as it is, so a file without
// such metadata comes back byte-identical.
#include <optional>
#include <string>
#include <string_view>

#include "documents/file_type.hpp"

namespace ltc::documents {

// The stripped bytes; nothing when the file's structure is broken (truncated segment, missing
// image header, no frame header before the scan, no image data): such a file is refused like
// an unknown type. PDFs are returned unchanged.
std::optional<std::string> strip_metadata(FileType type, std::string_view bytes);

std::optional<std::string> strip_jpeg_metadata(std::string_view bytes);
std::optional<std::string> strip_png_metadata(std::string_view bytes);

}  // namespace ltc::documents
