#pragma once
// The public link's token and URL. The token is a capability (anyone holding it reads the
// public page), so it is random, never derived from the vehicle, and never logged in full.
#include <string>
#include <string_view>

#include "config/config.hpp"

namespace ltc::publiclink {

// 144 random bits as 24 base64url characters (PRODUCT.md §9 asks for at least 128).
std::string new_token();

// Whether the text can be a token at all (the public read answers 404 before any query otherwise).
bool token_shape_ok(std::string_view token);

// <LTC_PUBLIC_BASE_URL>/qr/<token>: the shortest form, so the QR code stays coarse.
std::string public_url(const config::WorkerConfig& config, const std::string& token);

}  // namespace ltc::publiclink
