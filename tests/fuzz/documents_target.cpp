// Fuzz target: magic-byte detection and metadata stripping of uploads. Properties: stripping
// keeps the detected type, never grows a JPEG or PNG, and is idempotent (a stripped file has
// nothing left to strip).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "documents/file_type.hpp"
#include "documents/metadata_strip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto type = ltc::documents::detect_file_type(bytes);
    if (!type) return 0;
    const auto stripped = ltc::documents::strip_metadata(*type, bytes);
    if (!stripped) return 0;
    if (ltc::documents::detect_file_type(*stripped) != type) __builtin_trap();
    if (*type == ltc::documents::FileType::pdf) {
        if (*stripped != bytes) __builtin_trap();
        return 0;
    }
    if (stripped->size() > bytes.size()) __builtin_trap();
    const auto again = ltc::documents::strip_metadata(*type, *stripped);
    if (!again || *again != *stripped) __builtin_trap();
    return 0;
}
