#include "auth/users.hpp"

#include "auth/email.hpp"
#include "crypto/sealed_fields.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "db/query.hpp"

namespace ltc::auth {

namespace {
constexpr const char* select_user = "SELECT id, role, status, email_ciphertext FROM users WHERE ";

std::optional<User> user_from(const db::Result& result, const crypto::KeyRing& keys) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    return User{row->text(0), row->text(1), row->text(2), mask_email(decrypt_email(keys, row->text(0), row->text(3)))};
}
}  // namespace

std::string email_hmac(const crypto::KeyRing& keys, const std::string& normalized_email) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::email_hmac), normalized_email);
}

std::string decrypt_email(const crypto::KeyRing& keys, const std::string& user_id, const std::string& ciphertext) {
    return crypto::open_sealed(keys, crypto::sealed_field::user_email, user_id, ciphertext);
}

std::optional<User> find_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id) {
    return user_from(db::query(sql, std::string(select_user) + "id = $1::uuid", {user_id}), keys);
}

std::optional<User> find_user_by_email_hmac(soci::session& sql, const crypto::KeyRing& keys, const std::string& hmac) {
    return user_from(db::query(sql, std::string(select_user) + "email_hmac = $1", {hmac}), keys);
}

User find_or_create_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& normalized_email) {
    const std::string hmac = email_hmac(keys, normalized_email);
    if (auto existing = find_user_by_email_hmac(sql, keys, hmac)) return *existing;
    // ON CONFLICT: two first sign-ins of one address at once create one account.
    const std::string id = crypto::random_uuid();
    db::query(sql,
              "INSERT INTO users (id, email_hmac, email_ciphertext, key_version) VALUES ($1::uuid, $2, $3, $4::int)"
              " ON CONFLICT (email_hmac) DO NOTHING",
              {id, hmac, crypto::seal(keys, crypto::sealed_field::user_email, id, normalized_email), keys.version()});
    return *find_user_by_email_hmac(sql, keys, hmac);
}

std::string user_email(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id) {
    const auto row = db::query(sql, "SELECT email_ciphertext FROM users WHERE id = $1::uuid", {user_id}).first();
    return decrypt_email(keys, user_id, row ? row->text(0) : "");
}

bool totp_enabled(soci::session& sql, const std::string& user_id) {
    const auto row = db::query(sql, "SELECT totp_enabled FROM users WHERE id = $1::uuid", {user_id}).first();
    return row && row->flag(0);
}

bool store_pending_totp(soci::session& sql, const std::string& user_id, const std::string& ciphertext) {
    return db::query(sql,
                     "UPDATE users SET totp_pending_ciphertext = $2 WHERE id = $1::uuid AND NOT totp_enabled",
                     {user_id, ciphertext})
               .affected() == 1;
}

bool activate_totp(soci::session& sql, const std::string& user_id, const std::string& ciphertext) {
    return db::query(sql,
                     "UPDATE users SET totp_secret_ciphertext = totp_pending_ciphertext, totp_pending_ciphertext = NULL,"
                     " totp_enabled = true WHERE id = $1::uuid AND totp_pending_ciphertext = $2 AND NOT totp_enabled",
                     {user_id, ciphertext})
               .affected() == 1;
}

void record_sign_in(soci::session& sql, const std::string& user_id) {
    db::query(sql, "UPDATE users SET last_sign_in_at = now() WHERE id = $1::uuid", {user_id});
}

Poco::JSON::Object::Ptr user_json(const User& user) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", user.id);
    json->set("role", user.role);
    json->set("email_masked", user.email_masked);
    return json;
}

}  // namespace ltc::auth
