#include "auth/users.hpp"

#include "auth/email.hpp"
#include "crypto/sealed_fields.hpp"
#include "crypto/hmac.hpp"

namespace ltc::auth {

namespace {

std::optional<User> find_by(soci::session& sql, const crypto::KeyRing& keys, const std::string& column,
                            const std::string& value) {
    User user;
    std::string ciphertext;
    sql << "SELECT id, role, status, email_ciphertext FROM users WHERE " << column << " = :value",
        soci::use(value), soci::into(user.id), soci::into(user.role), soci::into(user.status), soci::into(ciphertext);
    if (!sql.got_data()) return std::nullopt;
    user.email_masked = mask_email(decrypt_email(keys, ciphertext));
    return user;
}
}  // namespace

std::string email_hmac(const crypto::KeyRing& keys, const std::string& normalized_email) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::email_hmac), normalized_email);
}

std::string encrypt_email(const crypto::KeyRing& keys, const std::string& normalized_email) {
    return crypto::seal(keys, crypto::sealed_field::user_email, normalized_email);
}

std::string decrypt_email(const crypto::KeyRing& keys, const std::string& ciphertext) {
    return crypto::open_sealed(keys, crypto::sealed_field::user_email, ciphertext);
}

std::optional<User> find_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id) {
    return find_by(sql, keys, "id::text", user_id);
}

std::optional<User> find_user_by_email_hmac(soci::session& sql, const crypto::KeyRing& keys, const std::string& hmac) {
    return find_by(sql, keys, "email_hmac", hmac);
}

User find_or_create_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& hmac,
                         const std::string& email_ciphertext) {
    const int key_version = keys.version();
    // ON CONFLICT: two first sign-ins of one address at once create one account.
    sql << "INSERT INTO users (email_hmac, email_ciphertext, key_version) VALUES (:h, :c, :kv)"
           " ON CONFLICT (email_hmac) DO NOTHING",
        soci::use(hmac), soci::use(email_ciphertext), soci::use(key_version);
    return *find_user_by_email_hmac(sql, keys, hmac);
}

std::string user_email(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id) {
    std::string ciphertext;
    sql << "SELECT email_ciphertext FROM users WHERE id = CAST(:id AS uuid)", soci::use(user_id), soci::into(ciphertext);
    return decrypt_email(keys, ciphertext);
}

Poco::JSON::Object::Ptr user_json(const User& user) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", user.id);
    json->set("role", user.role);
    json->set("email_masked", user.email_masked);
    return json;
}

}  // namespace ltc::auth
