#include "crypto/constant_time.hpp"

#include <cstddef>

namespace ltc::crypto {

bool constant_time_equals(std::string_view a, std::string_view b) {
    // Lengths differ → not equal, but the content loop still runs over all of `a`.
    std::size_t diff = a.size() ^ b.size();
    const std::size_t b_len = b.size();
    for (std::size_t i = 0; i < a.size(); ++i) {
        const unsigned char x = static_cast<unsigned char>(a[i]);
        const unsigned char y = b_len == 0 ? 0 : static_cast<unsigned char>(b[i % b_len]);
        diff |= static_cast<std::size_t>(x ^ y);
    }
    // Read through a volatile so the compiler cannot turn the loop into an early exit.
    volatile std::size_t result = diff;
    return result == 0;
}

}  // namespace ltc::crypto
