#include "publiclink/public_url.hpp"

#include <algorithm>

#include "crypto/random.hpp"

namespace ltc::publiclink {

namespace {
constexpr std::size_t token_bytes = 18;
}

std::string new_token() { return crypto::random_base64url(token_bytes); }

bool token_shape_ok(std::string_view token) {
    // Same alphabet and length range as the CHECK of public_links.token (V009).
    if (token.size() < 22 || token.size() > 64) return false;
    return std::all_of(token.begin(), token.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

std::string public_url(const config::WorkerConfig& config, const std::string& token) {
    return config.public_base_url + "/qr/" + token;
}

}  // namespace ltc::publiclink
