#include "admin/user_store.hpp"

#include <array>

#include "auth/email.hpp"
#include "auth/users.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"

namespace ltc::admin {

namespace {
std::string columns() {
    return "id::text, role, status, email_ciphertext, " + db::iso_utc("created_at") + ", " +
           db::iso_utc("last_sign_in_at");
}

UserRecord read_user(const db::Row& row, const crypto::KeyRing& keys) {
    UserRecord user;
    user.id = row.text(0);
    user.role = row.text(1);
    user.status = row.text(2);
    user.email_masked = auth::mask_email(auth::decrypt_email(keys, user.id, row.text(3)));
    user.created_at = row.text(4);
    user.last_sign_in_at = row.optional_text(5);
    return user;
}
}  // namespace

bool is_known_role(const std::string& role) {
    static const std::array<std::string, 6> roles = {"user", "vip", "dealer", "moderator", "admin", "superadmin"};
    for (const auto& known : roles) {
        if (known == role) return true;
    }
    return false;
}

std::optional<UserRecord> load_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& id, bool lock) {
    const auto row =
        db::query(sql, "SELECT " + columns() + " FROM users WHERE id = $1::uuid" + (lock ? " FOR UPDATE" : ""), {id}).first();
    if (!row) return std::nullopt;
    return read_user(*row, keys);
}

std::vector<UserRecord> list_users(soci::session& sql, const crypto::KeyRing& keys, const std::string& role,
                                   const std::string& status, const http::Page& page) {
    // Only the filters that are set become conditions, so each query can use its own plan.
    std::vector<db::Param> params = {static_cast<long long>(page.limit + 1), static_cast<long long>(page.offset)};
    std::string query = "SELECT " + columns() + " FROM users WHERE true";
    if (!role.empty()) {
        params.emplace_back(role);
        query += " AND role = $" + std::to_string(params.size());
    }
    if (!status.empty()) {
        params.emplace_back(status);
        query += " AND status = $" + std::to_string(params.size());
    }
    query += " ORDER BY created_at DESC, id DESC LIMIT $1::bigint OFFSET $2::bigint";
    std::vector<UserRecord> users;
    for (const auto row : db::query(sql, query, params)) users.push_back(read_user(row, keys));
    return users;
}

long long lock_active_superadmins(soci::session& sql) {
    return static_cast<long long>(
        db::query(sql, "SELECT id FROM users WHERE role = 'superadmin' AND status = 'active' ORDER BY id FOR UPDATE").size());
}

void store_role_change(soci::session& sql, const RoleChange& change) {
    db::query(sql, "UPDATE users SET role = $1 WHERE id = $2::uuid", {change.to_role, change.user_id});
    db::query(sql,
              "INSERT INTO role_changes (user_id, changed_by, from_role, to_role, reason, request_id)"
              " VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6)",
              {change.user_id, change.changed_by, change.from_role, change.to_role, change.reason, change.request_id});
}

void set_status(soci::session& sql, const std::string& user_id, const std::string& status) {
    db::query(sql, "UPDATE users SET status = $1 WHERE id = $2::uuid", {status, user_id});
}

void set_role_and_status(soci::session& sql, const std::string& user_id, const std::string& role, const std::string& status) {
    db::query(sql, "UPDATE users SET role = $1, status = $2 WHERE id = $3::uuid", {role, status, user_id});
}

void reset_second_factor(soci::session& sql, const std::string& user_id) {
    db::query(sql,
              "UPDATE users SET totp_secret_ciphertext = NULL, totp_pending_ciphertext = NULL, totp_enabled = false,"
              " totp_last_step = NULL, totp_failures = 0, totp_locked_until = NULL WHERE id = $1::uuid",
              {user_id});
    db::query(sql, "DELETE FROM backup_codes WHERE user_id = $1::uuid", {user_id});
}

Poco::JSON::Object::Ptr user_item_json(const UserRecord& user) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", user.id);
    json->set("email_masked", user.email_masked);
    json->set("role", user.role);
    json->set("status", user.status);
    json->set("created_at", user.created_at);
    json->set("last_sign_in_at", user.last_sign_in_at ? Poco::Dynamic::Var(*user.last_sign_in_at) : Poco::Dynamic::Var());
    return json;
}

}  // namespace ltc::admin
