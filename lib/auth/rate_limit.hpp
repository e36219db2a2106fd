#pragma once
// Fixed-window rate-limit arithmetic (the counters themselves live in PostgreSQL).
#include <cstdint>

namespace ltc::auth {

// Start of the fixed window (multiple of window_seconds since the epoch) that contains now.
std::int64_t window_start(std::int64_t now_epoch_seconds, std::int64_t window_seconds);

struct LimitDecision {
    bool allowed;
    long retry_after_seconds;  // seconds until the window ends, at least 1
};

// Allowed while count_after_increment ≤ limit; retry_after is the rest of the window (≥ 1).
LimitDecision decide(std::int64_t count_after_increment, std::int64_t limit,
                     std::int64_t now_epoch_seconds, std::int64_t window_start_epoch_seconds,
                     std::int64_t window_seconds);

}  // namespace ltc::auth
