#pragma once
// The rate-limit key for a client address: IPv4 as is, IPv6 by its /64 prefix.
#include <string>
#include <string_view>

#include "crypto/hkdf.hpp"

namespace ltc::auth {

// "203.0.113.7" → "203.0.113.7"; "2001:db8:1:2:aaaa:bbbb:cccc:dddd" → "2001:db8:1:2::/64";
// "::ffff:203.0.113.7" → "203.0.113.7"; anything unparseable → "invalid". Output is canonical.
std::string rate_limit_key_for_ip(std::string_view remote_addr);

// The counter bucket of a limit per client address: "<purpose>:ip:<HMAC of the key>". The
// address is hashed like e-mail addresses, so counters never hold personal data.
std::string ip_bucket(const crypto::KeyRing& keys, std::string_view purpose, std::string_view remote_addr);

}  // namespace ltc::auth
