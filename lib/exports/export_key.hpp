#pragma once
// The full export's key as the admin receives it: 32 bytes, unpadded base64url (RFC 4648 §5).
#include <optional>
#include <string>
#include <string_view>

namespace ltc::exports {

std::string to_base64url(std::string_view bytes);
// nullopt for anything that is not unpadded base64url.
std::optional<std::string> from_base64url(std::string_view text);

}  // namespace ltc::exports
