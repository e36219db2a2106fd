#pragma once
// HKDF-SHA256 (RFC 5869) and the KeyRing that derives per-purpose keys from LTC_SECRET_KEY.
#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace ltc::crypto {

// HKDF-Extract: the 32-byte pseudorandom key HMAC-SHA256(salt, ikm); an empty salt means 32 zero bytes.
std::string hkdf_extract(std::string_view salt, std::string_view ikm);

// HKDF-Expand: `length` bytes (at most 255 * 32) from the pseudorandom key and the info.
std::string hkdf_expand(std::string_view prk, std::string_view info, std::size_t length);

// HKDF-SHA256 extract then expand.
std::string hkdf_sha256(std::string_view salt, std::string_view ikm, std::string_view info,
                        std::size_t length);

// Labels of the per-purpose keys.
namespace key_label {
inline constexpr std::string_view email_hmac = "email-hmac";
inline constexpr std::string_view vin_hmac = "vin-hmac";
inline constexpr std::string_view code_hmac = "code-hmac";
inline constexpr std::string_view token_hash = "token-hash";
inline constexpr std::string_view email_enc = "email-enc";
inline constexpr std::string_view vin_enc = "vin-enc";
inline constexpr std::string_view totp_enc = "totp-enc";
inline constexpr std::string_view outbox_enc = "outbox-enc";
inline constexpr std::string_view transfer_code = "transfer-code";  // HMAC of ownership-transfer codes
inline constexpr std::string_view export_token = "export-token";    // hash of full-export download tokens
inline constexpr std::array all = {email_hmac, vin_hmac,   code_hmac,   token_hash,    email_enc,
                                   vin_enc,    totp_enc,   outbox_enc,  transfer_code, export_token};
}  // namespace key_label

// Per-purpose 32-byte keys: HKDF(salt = "lifetimecircle-v<version>", ikm = secret, info = label).
// The keys of key_label::all are derived once, at construction: every signed-in request needs
// two of them, and deriving costs two HMACs each.
class KeyRing {
public:
    explicit KeyRing(std::string secret, int version = 1);

    int version() const { return version_; }

    // The 32-byte key for the label (see key_label).
    std::string key_for(std::string_view label) const;

private:
    std::string prk_;
    int version_;
    std::map<std::string, std::string, std::less<>> derived_;
};

}  // namespace ltc::crypto
