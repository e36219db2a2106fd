// Fuzz target: upload file names and the Content-Disposition built from them. Properties: the
// sanitised name is non-empty valid UTF-8 of at most 200 code points without path separators,
// control characters or a leading dot; the header value has no CR, LF or NUL.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "documents/content_disposition.hpp"
#include "documents/file_name.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    const std::string name = ltc::documents::sanitize_file_name(raw, "dokument");
    if (name.empty() || name.front() == '.' || !ltc::http::is_valid_utf8(name)) __builtin_trap();
    if (ltc::http::utf8_code_points(name) > ltc::documents::max_file_name_code_points) __builtin_trap();
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '/' || c == '\\' || byte < 0x20 || byte == 0x7F) __builtin_trap();
    }
    if (ltc::documents::sanitize_file_name(name, "dokument") != name) __builtin_trap();  // idempotent
    const std::string header = ltc::documents::content_disposition(name);
    if (header.find_first_of(std::string("\r\n\0", 3)) != std::string::npos) __builtin_trap();
    return 0;
}
