#include "auth/session_cookie.hpp"

namespace ltc::auth {

namespace {
constexpr std::string_view attributes = "; Secure; HttpOnly; SameSite=Strict";
}

std::string session_cookie(std::string_view token, std::int64_t max_age_seconds) {
    std::string out(session_cookie_name);
    out += '=';
    out += token;
    out += "; Path=/; Max-Age=";
    out += std::to_string(max_age_seconds < 0 ? 0 : max_age_seconds);
    out += attributes;
    return out;
}

std::string cleared_session_cookie() { return session_cookie("", 0); }

}  // namespace ltc::auth
