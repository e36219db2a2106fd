#include "crypto/random.hpp"

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include <sys/random.h>

#include "crypto/hmac.hpp"

namespace ltc::crypto {

std::string random_bytes(std::size_t count) {
    // The kernel's CSPRNG (getrandom(2), blocking only until it is seeded at boot): cheaper than
    // OpenSSL 3's RAND_bytes (0.23 against 0.54 µs for 16 bytes in a loop, and its DRBG set-up
    // per call showed as ~4 % of an entry write's worker CPU, two ids a write).
    std::string out(count, '\0');
    std::size_t filled = 0;
    while (filled < count) {
        const ssize_t got = getrandom(out.data() + filled, count - filled, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("CSPRNG failure");
        }
        filled += static_cast<std::size_t>(got);
    }
    return out;
}

std::string random_token_hex(std::size_t bytes) { return to_hex(random_bytes(bytes)); }

std::string random_base64url(std::size_t bytes) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const std::string raw = random_bytes(bytes);
    std::string out;
    out.reserve((bytes * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= raw.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(raw[i])} << 16) |
                                (std::uint32_t{static_cast<unsigned char>(raw[i + 1])} << 8) |
                                std::uint32_t{static_cast<unsigned char>(raw[i + 2])};
        out.push_back(alphabet[(n >> 18) & 63]);
        out.push_back(alphabet[(n >> 12) & 63]);
        out.push_back(alphabet[(n >> 6) & 63]);
        out.push_back(alphabet[n & 63]);
    }
    const std::size_t rest = raw.size() - i;
    if (rest == 1) {
        const std::uint32_t n = std::uint32_t{static_cast<unsigned char>(raw[i])} << 16;
        out.push_back(alphabet[(n >> 18) & 63]);
        out.push_back(alphabet[(n >> 12) & 63]);
    } else if (rest == 2) {
        const std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(raw[i])} << 16) |
                                (std::uint32_t{static_cast<unsigned char>(raw[i + 1])} << 8);
        out.push_back(alphabet[(n >> 18) & 63]);
        out.push_back(alphabet[(n >> 12) & 63]);
        out.push_back(alphabet[(n >> 6) & 63]);
    }
    return out;
}

std::string random_decimal_code(int digits) {
    if (digits < 1 || digits > 18) throw std::invalid_argument("digits must be 1..18");
    std::uint64_t range = 1;
    for (int i = 0; i < digits; ++i) range *= 10;
    // Rejection sampling: accept only draws below the largest multiple of `range`.
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % range);
    std::uint64_t value = 0;
    do {
        const std::string raw = random_bytes(sizeof value);
        std::memcpy(&value, raw.data(), sizeof value);
    } while (value >= limit);
    value %= range;
    std::string out(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return out;
}

namespace {
// The canonical text of 16 bytes with the version in the high nibble of byte 6 and the RFC 9562
// variant in byte 8.
std::string uuid_text(std::string bytes, int version) {
    bytes[6] = static_cast<char>((bytes[6] & 0x0f) | (version << 4));
    bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);
    const std::string hex = to_hex(bytes);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' + hex.substr(20);
}
}  // namespace

std::string random_uuid() { return uuid_text(random_bytes(16), 4); }

std::string time_ordered_uuid(std::int64_t unix_milliseconds) {
    std::string bytes = random_bytes(16);
    for (int i = 0; i < 6; ++i) bytes[static_cast<std::size_t>(i)] = static_cast<char>((unix_milliseconds >> (40 - 8 * i)) & 0xff);
    return uuid_text(std::move(bytes), 7);
}

std::string time_ordered_uuid() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return time_ordered_uuid(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

}  // namespace ltc::crypto
