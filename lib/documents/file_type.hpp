#pragma once
// What an upload is, decided by its first bytes only (never by its name or declared type).
#include <optional>
#include <string>
#include <string_view>

namespace ltc::documents {

enum class FileType { jpeg, png, pdf };

// JPEG (SOI and a marker), PNG (the 8-byte signature) or PDF ("%PDF-"); nothing for anything
// else, an empty file or a truncated header. The structure behind the header is checked when
// the metadata is stripped (a file that only starts like an image is refused there).
std::optional<FileType> detect_file_type(std::string_view head);

// "image/jpeg", "image/png", "application/pdf".
std::string content_type(FileType type);
// ".jpg", ".png", ".pdf" (for names without one).
std::string extension(FileType type);

}  // namespace ltc::documents
