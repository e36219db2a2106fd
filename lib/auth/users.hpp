#pragma once
// Accounts: looked up by the e-mail HMAC, the address itself only encrypted.
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include "crypto/hkdf.hpp"

namespace ltc::auth {

struct User {
    std::string id;
    std::string role;
    std::string status;
    std::string email_masked;
};

std::string email_hmac(const crypto::KeyRing& keys, const std::string& normalized_email);
// users.email_ciphertext of the user `user_id`.
std::string decrypt_email(const crypto::KeyRing& keys, const std::string& user_id, const std::string& ciphertext);

std::optional<User> find_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id);
std::optional<User> find_user_by_email_hmac(soci::session& sql, const crypto::KeyRing& keys, const std::string& hmac);
// The implicit sign-up: the account for the address, created with role `user` when new.
User find_or_create_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& normalized_email);

// The address itself, for mail and the step-up-protected reveal.
std::string user_email(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id);

bool totp_enabled(soci::session& sql, const std::string& user_id);
// Keeps a new, not yet activated TOTP secret; false when TOTP is already enabled.
bool store_pending_totp(soci::session& sql, const std::string& user_id, const std::string& ciphertext);
// Makes the pending secret active, only if it still is `ciphertext` and TOTP is not enabled yet.
bool activate_totp(soci::session& sql, const std::string& user_id, const std::string& ciphertext);
void record_sign_in(soci::session& sql, const std::string& user_id);

// {"id","role","email_masked"}
Poco::JSON::Object::Ptr user_json(const User& user);

}  // namespace ltc::auth
