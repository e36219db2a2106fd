#include "admin/role_change_store.hpp"

#include <array>

#include "auth/users.hpp"
#include "db/query.hpp"

namespace ltc::admin {

void store_role_change(soci::session& sql, const RoleChange& change) {
    auth::set_role(sql, change.user_id, change.to_role);
    db::query(sql,
              "INSERT INTO role_changes (user_id, changed_by, from_role, to_role, reason, request_id)"
              " VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6)",
              {change.user_id, change.changed_by, change.from_role, change.to_role, change.reason, change.request_id});
}

bool is_known_role(const std::string& role) {
    static const std::array<std::string, 6> roles = {"user", "vip", "dealer", "moderator", "admin", "superadmin"};
    for (const auto& known : roles) {
        if (known == role) return true;
    }
    return false;
}

}  // namespace ltc::admin
