#pragma once
// The store of the `users` table, every statement on it (ltc rotate-secret re-seals all sealed
// columns at once and is the one exception). Accounts are looked up by the e-mail HMAC; the
// address itself is only stored encrypted, bound to the row.
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include "crypto/hkdf.hpp"
#include "db/page.hpp"

namespace ltc::auth {

struct User {
    std::string id;
    std::string role;
    std::string status;  // active | disabled
    std::string email_masked;
    std::string created_at;
    std::optional<std::string> last_sign_in_at;
};

std::string email_hmac(const crypto::KeyRing& keys, const std::string& normalized_email);
// users.email_ciphertext of the user `user_id`.
std::string decrypt_email(const crypto::KeyRing& keys, const std::string& user_id, const std::string& ciphertext);

// ── Accounts
std::optional<User> find_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id);
// The same, with a row lock (FOR UPDATE) for the rest of the caller's transaction.
std::optional<User> lock_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id);
std::optional<User> find_user_by_email_hmac(soci::session& sql, const crypto::KeyRing& keys, const std::string& hmac);
// The implicit sign-up: the account for the address, created with role `user` when new.
User find_or_create_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& normalized_email);
// Newest accounts first (ties broken by id); an empty filter matches everything. Returns up to
// page.limit + 1 rows (the extra one tells that there is a next page).
std::vector<User> list_users(soci::session& sql, const crypto::KeyRing& keys, const std::string& role,
                             const std::string& status, const db::Page& page);
// The address itself, for mail and the step-up-protected reveal.
std::string user_email(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id);
// Serialises writes that depend on the account (e.g. an owner's vehicle count) without reading it.
void lock_user_row(soci::session& sql, const std::string& user_id);
// Locks every active superadmin row (in id order, so concurrent rule checks cannot deadlock)
// and returns how many there are.
long long lock_active_superadmins(soci::session& sql);
void set_role(soci::session& sql, const std::string& user_id, const std::string& role);
void set_status(soci::session& sql, const std::string& user_id, const std::string& status);
void set_role_and_status(soci::session& sql, const std::string& user_id, const std::string& role, const std::string& status);
void record_sign_in(soci::session& sql, const std::string& user_id);

// ── Second factor (TOTP columns)
enum class SecretSource { active, pending_enrolment };

struct TotpState {
    std::optional<std::string> secret_ciphertext;  // of the source asked for
    std::optional<long long> last_step;
    int failures = 0;
    bool locked = false;
    long long now = 0;  // the database's clock, epoch seconds
};

bool totp_enabled(soci::session& sql, const std::string& user_id);
// Keeps a new, not yet activated TOTP secret; false when TOTP is already enabled.
bool store_pending_totp(soci::session& sql, const std::string& user_id, const std::string& ciphertext);
// Makes the pending secret active, only if it still is `ciphertext` and TOTP is not enabled yet.
bool activate_totp(soci::session& sql, const std::string& user_id, const std::string& ciphertext);
// The state a code is checked against, the row locked for the rest of the transaction.
TotpState lock_totp_state(soci::session& sql, const std::string& user_id, SecretSource source);
// An accepted TOTP code: its step is never accepted again; the failure count starts over.
void record_totp_step(soci::session& sql, const std::string& user_id, long long step);
void clear_totp_failures(soci::session& sql, const std::string& user_id);
void set_totp_failures(soci::session& sql, const std::string& user_id, int failures);
void lock_totp_for(soci::session& sql, const std::string& user_id, long long seconds);
// TOTP secret, pending enrolment and the failure lock cleared (backup codes: backup_code_store).
void clear_second_factor(soci::session& sql, const std::string& user_id);

// {"id","role","email_masked"}
Poco::JSON::Object::Ptr user_json(const User& user);

}  // namespace ltc::auth
