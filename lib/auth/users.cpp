#include "auth/users.hpp"

#include "auth/email.hpp"
#include "crypto/sealed_fields.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"

namespace ltc::auth {

namespace {
std::string select_user() {
    return "SELECT id::text, role, status, email_ciphertext, " + db::iso_utc("created_at") + ", " +
           db::iso_utc("last_sign_in_at") + " FROM users";
}

User read_user(const db::Row& row, const crypto::KeyRing& keys) {
    User user;
    user.id = row.text(0);
    user.role = row.text(1);
    user.status = row.text(2);
    user.email_masked = mask_email(decrypt_email(keys, user.id, row.text(3)));
    user.created_at = row.text(4);
    user.last_sign_in_at = row.optional_text(5);
    return user;
}

std::optional<User> first_user(const db::Result& result, const crypto::KeyRing& keys) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    return read_user(*row, keys);
}
}  // namespace

std::string email_hmac(const crypto::KeyRing& keys, const std::string& normalized_email) {
    return crypto::hmac_sha256_hex(keys.key_for(crypto::key_label::email_hmac), normalized_email);
}

std::string decrypt_email(const crypto::KeyRing& keys, const std::string& user_id, const std::string& ciphertext) {
    return crypto::open_sealed(keys, crypto::sealed_field::user_email, user_id, ciphertext);
}

std::optional<User> find_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id) {
    return first_user(db::query(sql, select_user() + " WHERE id = $1::uuid", {user_id}), keys);
}

std::optional<User> lock_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id) {
    return first_user(db::query(sql, select_user() + " WHERE id = $1::uuid FOR UPDATE", {user_id}), keys);
}

std::optional<User> find_user_by_email_hmac(soci::session& sql, const crypto::KeyRing& keys, const std::string& hmac) {
    return first_user(db::query(sql, select_user() + " WHERE email_hmac = $1", {hmac}), keys);
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

std::vector<User> list_users(soci::session& sql, const crypto::KeyRing& keys, const std::string& role,
                             const std::string& status, const db::Page& page) {
    // Only the filters that are set become conditions, so each query can use its own plan.
    std::vector<db::Param> params = {static_cast<long long>(page.limit + 1), static_cast<long long>(page.offset)};
    std::string query = select_user() + " WHERE true";
    if (!role.empty()) {
        params.emplace_back(role);
        query += " AND role = $" + std::to_string(params.size());
    }
    if (!status.empty()) {
        params.emplace_back(status);
        query += " AND status = $" + std::to_string(params.size());
    }
    query += " ORDER BY created_at DESC, id DESC LIMIT $1::bigint OFFSET $2::bigint";
    std::vector<User> users;
    for (const auto row : db::query(sql, query, params)) users.push_back(read_user(row, keys));
    return users;
}

std::string user_email(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id) {
    const auto row = db::query(sql, "SELECT email_ciphertext FROM users WHERE id = $1::uuid", {user_id}).first();
    return decrypt_email(keys, user_id, row ? row->text(0) : "");
}

void lock_user_row(soci::session& sql, const std::string& user_id) {
    db::query(sql, "SELECT 1 FROM users WHERE id = $1::uuid FOR UPDATE", {user_id});
}

long long lock_active_superadmins(soci::session& sql) {
    return static_cast<long long>(
        db::query(sql, "SELECT id FROM users WHERE role = 'superadmin' AND status = 'active' ORDER BY id FOR UPDATE").size());
}

void set_role(soci::session& sql, const std::string& user_id, const std::string& role) {
    db::query(sql, "UPDATE users SET role = $1 WHERE id = $2::uuid", {role, user_id});
}

void set_status(soci::session& sql, const std::string& user_id, const std::string& status) {
    db::query(sql, "UPDATE users SET status = $1 WHERE id = $2::uuid", {status, user_id});
}

void set_role_and_status(soci::session& sql, const std::string& user_id, const std::string& role, const std::string& status) {
    db::query(sql, "UPDATE users SET role = $1, status = $2 WHERE id = $3::uuid", {role, status, user_id});
}

void record_sign_in(soci::session& sql, const std::string& user_id) {
    db::query(sql, "UPDATE users SET last_sign_in_at = now() WHERE id = $1::uuid", {user_id});
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

TotpState lock_totp_state(soci::session& sql, const std::string& user_id, SecretSource source) {
    const std::string column = source == SecretSource::active ? "totp_secret_ciphertext" : "totp_pending_ciphertext";
    const auto row = db::query(sql,
                               "SELECT " + column + ", totp_last_step, totp_failures, COALESCE(totp_locked_until > now(), false),"
                               " extract(epoch FROM now())::bigint FROM users WHERE id = $1::uuid FOR UPDATE",
                               {user_id})
                         .first();
    TotpState state;
    if (!row) return state;
    state.secret_ciphertext = row->optional_text(0);
    state.last_step = row->optional_integer(1);
    state.failures = static_cast<int>(row->integer(2));
    state.locked = row->flag(3);
    state.now = row->integer(4);
    return state;
}

void record_totp_step(soci::session& sql, const std::string& user_id, long long step) {
    db::query(sql, "UPDATE users SET totp_last_step = $1::bigint, totp_failures = 0 WHERE id = $2::uuid", {step, user_id});
}

void clear_totp_failures(soci::session& sql, const std::string& user_id) {
    db::query(sql, "UPDATE users SET totp_failures = 0 WHERE id = $1::uuid", {user_id});
}

void set_totp_failures(soci::session& sql, const std::string& user_id, int failures) {
    db::query(sql, "UPDATE users SET totp_failures = $1::int WHERE id = $2::uuid", {failures, user_id});
}

void lock_totp_for(soci::session& sql, const std::string& user_id, long long seconds) {
    db::query(sql,
              "UPDATE users SET totp_failures = 0, totp_locked_until = now() + make_interval(secs => $1::bigint)"
              " WHERE id = $2::uuid",
              {seconds, user_id});
}

void clear_second_factor(soci::session& sql, const std::string& user_id) {
    db::query(sql,
              "UPDATE users SET totp_secret_ciphertext = NULL, totp_pending_ciphertext = NULL, totp_enabled = false,"
              " totp_last_step = NULL, totp_failures = 0, totp_locked_until = NULL WHERE id = $1::uuid",
              {user_id});
}

Poco::JSON::Object::Ptr user_json(const User& user) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", user.id);
    json->set("role", user.role);
    json->set("email_masked", user.email_masked);
    return json;
}

}  // namespace ltc::auth
