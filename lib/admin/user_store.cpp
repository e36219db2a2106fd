#include "admin/user_store.hpp"

#include <array>

#include "auth/email.hpp"
#include "auth/users.hpp"
#include "db/rows.hpp"

namespace ltc::admin {

namespace {
std::string columns() {
    return "id::text, role, status, email_ciphertext, " + db::iso_utc("created_at") + ", " +
           db::iso_utc("last_sign_in_at");
}

UserRecord read_user(const soci::row& row, const crypto::KeyRing& keys) {
    UserRecord user;
    user.id = db::text(row, 0);
    user.role = db::text(row, 1);
    user.status = db::text(row, 2);
    user.email_masked = auth::mask_email(auth::decrypt_email(keys, db::text(row, 3)));
    user.created_at = db::text(row, 4);
    user.last_sign_in_at = db::optional_text(row, 5);
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
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT " << columns() << " FROM users WHERE id = CAST(:id AS uuid)"
                                                << (lock ? " FOR UPDATE" : ""),
                                    soci::use(id, "id"));
    for (const auto& row : rows) return read_user(row, keys);
    return std::nullopt;
}

std::vector<UserRecord> list_users(soci::session& sql, const crypto::KeyRing& keys, const std::string& role,
                                   const std::string& status, const http::Page& page) {
    // Only the filters that are set become conditions, so each query can use its own plan.
    std::string query = "SELECT " + columns() + " FROM users WHERE true";
    if (!role.empty()) query += " AND role = :role";
    if (!status.empty()) query += " AND status = :status";
    query += " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
    const long long limit = page.limit + 1;
    const long long offset = page.offset;
    soci::details::prepare_temp_type statement = (sql.prepare << query);
    if (!role.empty()) statement, soci::use(role, "role");
    if (!status.empty()) statement, soci::use(status, "status");
    statement, soci::use(limit, "limit"), soci::use(offset, "offset");
    soci::rowset<soci::row> rows(statement);
    std::vector<UserRecord> users;
    for (const auto& row : rows) users.push_back(read_user(row, keys));
    return users;
}

long long lock_active_superadmins(soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id::text FROM users WHERE role = 'superadmin' AND status = 'active' ORDER BY id FOR UPDATE");
    long long count = 0;
    for (const auto& row : rows) {
        (void)row;
        ++count;
    }
    return count;
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
