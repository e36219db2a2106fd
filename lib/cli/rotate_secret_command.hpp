#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc rotate-secret: re-keys every stored HMAC and ciphertext from LTC_OLD_SECRET_KEY to
// LTC_SECRET_KEY / LTC_KEY_VERSION in one transaction. What cannot be re-keyed (sessions,
// unused sign-in codes, backup codes, rate-limit buckets) is ended or deleted.
// Exit 0 done, 2 refused (nothing changed), 78 configuration, 1 other failure.
int rotate_secret_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
