#pragma once
// Fixed-window counters in PostgreSQL, so every worker on every host shares them.
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "auth/rate_limit.hpp"
#include "config/auth_settings.hpp"

namespace ltc::auth {

// Counts one more event in the bucket's current window and decides against the limit.
LimitDecision count_and_decide(soci::session& sql, const std::string& bucket, const config::Limit& limit);

// Decides whether the bucket has already reached the limit, without counting.
bool limit_reached(soci::session& sql, const std::string& bucket, const config::Limit& limit);

// Counts one more event without deciding (e.g. a failed code toward the address's cap).
void count_event(soci::session& sql, const std::string& bucket, const config::Limit& limit);

}  // namespace ltc::auth
