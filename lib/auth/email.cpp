#include "auth/email.hpp"

#include <cstdint>
#include <stdexcept>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace ltc::auth {

namespace {

bool is_space_or_control(UChar32 c) {
    return u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR;
}

// The UTF-8 bytes of the first code point of s; empty when s is empty or starts malformed.
std::string first_code_point(std::string_view s) {
    if (s.empty()) return {};
    const auto length = static_cast<int32_t>(s.size());
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(s.data(), i, length, c);
    if (c < 0) return {};
    return std::string(s.substr(0, static_cast<std::size_t>(i)));
}

}  // namespace

std::string normalize_email(std::string input) {
    const icu::UnicodeString decoded = icu::UnicodeString::fromUTF8(input);
    int32_t begin = 0;
    int32_t end = decoded.length();
    while (begin < end && u_isUWhiteSpace(decoded.char32At(begin))) {
        begin = decoded.moveIndex32(begin, 1);
    }
    while (end > begin) {
        const int32_t previous = decoded.moveIndex32(end, -1);
        if (!u_isUWhiteSpace(decoded.char32At(previous))) break;
        end = previous;
    }
    const icu::UnicodeString trimmed(decoded, begin, end - begin);

    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC unavailable");
    icu::UnicodeString normalized = nfkc->normalize(trimmed, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC failed");
    normalized.toLower(icu::Locale::getRoot());

    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::optional<std::string> validate_email(std::string_view normalized) {
    const auto length = static_cast<int32_t>(normalized.size());
    std::size_t characters = 0;
    bool impossible = false;
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(normalized.data(), i, length, c);
        if (c < 0 || is_space_or_control(c)) impossible = true;
        ++characters;
    }
    if (characters > max_email_length) return std::string("too_long");
    if (impossible) return std::string("invalid");

    const std::size_t at = normalized.rfind('@');
    if (at == std::string_view::npos) return std::string("invalid");
    const std::string_view local = normalized.substr(0, at);
    const std::string_view domain = normalized.substr(at + 1);
    if (local.empty() || domain.empty()) return std::string("invalid");
    if (domain.find('.') == std::string_view::npos) return std::string("invalid");
    return std::nullopt;
}

std::string mask_email(std::string_view normalized) {
    const std::size_t at = normalized.rfind('@');
    if (at == std::string_view::npos) return first_code_point(normalized) + "***";
    const std::string_view local = normalized.substr(0, at);
    const std::string_view domain = normalized.substr(at + 1);
    std::string out = first_code_point(local) + "***@" + first_code_point(domain) + "***";
    const std::size_t dot = domain.rfind('.');
    if (dot != std::string_view::npos) {
        out += '.';
        out += domain.substr(dot + 1);
    }
    return out;
}

}  // namespace ltc::auth
