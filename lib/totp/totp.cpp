#include "totp/totp.hpp"

#include <limits>
#include <stdexcept>

#include "crypto/constant_time.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "totp/base32.hpp"

namespace ltc::totp {

namespace {

constexpr std::uint32_t kPow10[] = {1u,         10u,         100u,         1000u,
                                    10000u,     100000u,     1000000u,     10000000u,
                                    100000000u};

void check_digits(int digits) {
    if (digits < 6 || digits > 8) throw std::invalid_argument("TOTP digits must be 6..8");
}

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15u]);
        }
    }
    return out;
}

}  // namespace

std::string hotp(std::string_view secret, std::uint64_t counter, int digits) {
    check_digits(digits);
    std::string message(8, '\0');
    for (int i = 7; i >= 0; --i) {
        message[static_cast<std::size_t>(i)] = static_cast<char>(counter & 0xFFu);
        counter >>= 8;
    }
    const std::string mac = crypto::hmac_sha1(secret, message);
    auto byte = [&mac](std::size_t i) { return std::uint32_t{static_cast<unsigned char>(mac[i])}; };
    const std::size_t offset = byte(19) & 0x0Fu;
    const std::uint32_t binary = ((byte(offset) & 0x7Fu) << 24) | (byte(offset + 1) << 16) |
                                 (byte(offset + 2) << 8) | byte(offset + 3);
    std::uint32_t value = binary % kPow10[digits];
    std::string code(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i) {
        code[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10u);
        value /= 10u;
    }
    return code;
}

std::int64_t time_step(std::int64_t unix_time, int step) {
    if (step <= 0) throw std::invalid_argument("TOTP step must be positive");
    if (unix_time < 0) throw std::invalid_argument("TOTP time must not be negative");
    return unix_time / step;
}

std::string totp_code(std::string_view secret, std::int64_t unix_time, int step, int digits) {
    return hotp(secret, static_cast<std::uint64_t>(time_step(unix_time, step)), digits);
}

bool is_code_format(std::string_view code, int digits) {
    if (digits <= 0 || code.size() != static_cast<std::size_t>(digits)) return false;
    for (const char c : code) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

std::optional<std::int64_t> matching_step(std::string_view secret, std::string_view code,
                                          std::int64_t unix_time, int window) {
    return accept_code(secret, code, unix_time, std::nullopt, window);
}

std::optional<std::int64_t> accept_code(std::string_view secret, std::string_view code,
                                        std::int64_t now,
                                        std::optional<std::int64_t> last_used_step,
                                        int window) {
    if (window < 0) throw std::invalid_argument("TOTP window must not be negative");
    if (!is_code_format(code, kDigits)) return std::nullopt;
    const std::int64_t current = time_step(now);
    const std::int64_t floor_step = last_used_step.value_or(std::numeric_limits<std::int64_t>::min());

    // Compute and compare every candidate; remember the lowest acceptable match without
    // leaving the loop early.
    bool found = false;
    std::int64_t found_step = 0;
    for (std::int64_t s = current - window; s <= current + window; ++s) {
        if (s < 0) continue;  // before 1970: no such step (depends only on the public time)
        const bool equal = crypto::constant_time_equals(
            hotp(secret, static_cast<std::uint64_t>(s), kDigits), code);
        const bool take = equal && s > floor_step && !found;
        found_step = take ? s : found_step;
        found = found || take;
    }
    if (!found) return std::nullopt;
    return found_step;
}

std::string new_totp_secret() { return crypto::random_bytes(kSecretBytes); }

std::string otpauth_uri(std::string_view secret_base32, std::string_view account_label,
                        std::string_view issuer) {
    const auto secret = base32_decode(secret_base32);
    if (!secret || secret->empty()) throw std::invalid_argument("otpauth secret is not base32");
    const std::string canonical_secret = base32_encode(*secret);  // upper-case, unpadded
    const std::string enc_issuer = percent_encode(issuer);
    std::string uri = "otpauth://totp/";
    uri += enc_issuer;
    uri += ':';
    uri += percent_encode(account_label);
    uri += "?secret=";
    uri += canonical_secret;
    uri += "&issuer=";
    uri += enc_issuer;
    uri += "&algorithm=SHA1&digits=";
    uri += std::to_string(kDigits);
    uri += "&period=";
    uri += std::to_string(kStepSeconds);
    return uri;
}

}  // namespace ltc::totp
