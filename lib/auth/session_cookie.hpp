#pragma once
// The exact Set-Cookie values for the session cookie (API.md "Authentication").
#include <cstdint>
#include <string>
#include <string_view>

namespace ltc::auth {

inline constexpr std::string_view session_cookie_name = "__Host-ltc_session";

// "__Host-ltc_session=<token>; Path=/; Max-Age=<seconds>; Secure; HttpOnly; SameSite=Strict".
std::string session_cookie(std::string_view token, std::int64_t max_age_seconds);

// "__Host-ltc_session=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict".
std::string cleared_session_cookie();

}  // namespace ltc::auth
