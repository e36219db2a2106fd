#pragma once
// Comparison of secrets whose running time does not depend on where they differ.
#include <string_view>

namespace ltc::crypto {

// True when a and b are byte-for-byte equal; runs over all of `a` whatever the content or length of `b`.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace ltc::crypto
