#include "totp/backup_codes.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "totp/base32.hpp"

namespace ltc::totp {

static_assert(kBackupCodeBytes * 8 == kBackupCodeChars * 5, "no partial base32 character");
static_assert(kBackupCodeBytes * 8 >= 112, "backup codes need at least 112 bits");

std::vector<std::string> generate_backup_codes(std::size_t count) {
    std::vector<std::string> codes;
    codes.reserve(count);
    while (codes.size() < count) {
        std::string code =
            format_backup_code(base32_encode(crypto::random_bytes(kBackupCodeBytes)));
        // A repeat among 2^120 values will not happen, but distinctness is cheap to guarantee.
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
            codes.push_back(std::move(code));
        }
    }
    return codes;
}

std::string normalize_backup_code(std::string_view input) {
    std::string out;
    out.reserve(input.size());
    for (const char c : input) {
        if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            continue;
        }
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

bool is_backup_code_format(std::string_view normalized) {
    if (normalized.size() != kBackupCodeChars) return false;
    return std::all_of(normalized.begin(), normalized.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
    });
}

std::string format_backup_code(std::string_view normalized) {
    std::string out;
    out.reserve(normalized.size() + normalized.size() / kBackupCodeGroup);
    for (std::size_t i = 0; i < normalized.size(); ++i) {
        if (i > 0 && i % kBackupCodeGroup == 0) out.push_back('-');
        out.push_back(normalized[i]);
    }
    return out;
}

}  // namespace ltc::totp
