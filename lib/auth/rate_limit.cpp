#include "auth/rate_limit.hpp"

#include <stdexcept>

namespace ltc::auth {

std::int64_t window_start(std::int64_t now_epoch_seconds, std::int64_t window_seconds) {
    if (window_seconds <= 0) throw std::invalid_argument("window_seconds must be positive");
    std::int64_t rest = now_epoch_seconds % window_seconds;
    if (rest < 0) rest += window_seconds;  // floor, also before 1970
    return now_epoch_seconds - rest;
}

LimitDecision decide(std::int64_t count_after_increment, std::int64_t limit,
                     std::int64_t now_epoch_seconds, std::int64_t window_start_epoch_seconds,
                     std::int64_t window_seconds) {
    const std::int64_t remaining = window_start_epoch_seconds + window_seconds - now_epoch_seconds;
    return LimitDecision{count_after_increment <= limit,
                         static_cast<long>(remaining < 1 ? 1 : remaining)};
}

}  // namespace ltc::auth
