#include "transfers/transfer_code.hpp"

#include "crypto/hmac.hpp"
#include "crypto/random.hpp"

namespace ltc::transfers {

namespace {
constexpr std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford: 32 symbols
}  // namespace

std::string new_transfer_code() {
    // 256 is a multiple of 32: the low five bits of a random byte are uniform.
    const std::string bytes = crypto::random_bytes(code_length);
    std::string code;
    code.reserve(code_length);
    for (const char byte : bytes) code.push_back(alphabet[static_cast<unsigned char>(byte) & 31U]);
    return code;
}

std::string group_code(std::string_view code) {
    std::string grouped;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i > 0 && i % code_group == 0) grouped.push_back('-');
        grouped.push_back(code[i]);
    }
    return grouped;
}

std::string normalize_code(std::string_view typed) {
    std::string code;
    code.reserve(typed.size());
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
        code.push_back(c);
    }
    return code;
}

std::string code_hmac(const crypto::KeyRing& keys, std::string_view normalized_code) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::transfer_code), normalized_code);
}

}  // namespace ltc::transfers
