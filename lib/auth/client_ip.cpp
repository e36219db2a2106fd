#include "auth/client_ip.hpp"

#include "crypto/hmac.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

namespace ltc::auth {

std::string rate_limit_key_for_ip(std::string_view remote_addr) {
    if (remote_addr.empty() || remote_addr.size() >= INET6_ADDRSTRLEN ||
        remote_addr.find('\0') != std::string_view::npos) {
        return "invalid";
    }
    const std::string address(remote_addr);  // inet_pton needs a NUL-terminated string
    char text[INET6_ADDRSTRLEN] = {};

    in_addr v4{};
    if (inet_pton(AF_INET, address.c_str(), &v4) == 1) {
        if (inet_ntop(AF_INET, &v4, text, sizeof text) == nullptr) return "invalid";
        return text;
    }

    in6_addr v6{};
    if (inet_pton(AF_INET6, address.c_str(), &v6) != 1) return "invalid";
    if (IN6_IS_ADDR_V4MAPPED(&v6)) {
        std::memcpy(&v4, &v6.s6_addr[12], sizeof v4);
        if (inet_ntop(AF_INET, &v4, text, sizeof text) == nullptr) return "invalid";
        return text;
    }
    std::memset(&v6.s6_addr[8], 0, 8);
    if (inet_ntop(AF_INET6, &v6, text, sizeof text) == nullptr) return "invalid";
    return std::string(text) + "/64";
}

std::string ip_bucket(const crypto::KeyRing& keys, std::string_view purpose, std::string_view remote_addr) {
    return std::string(purpose) + ":ip:" +
           crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::email_hmac), "ip:" + rate_limit_key_for_ip(remote_addr));
}

}  // namespace ltc::auth
