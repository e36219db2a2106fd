#pragma once
// Role changes (API.md "Admin"): the new role on the account and the change, with its reason,
// kept in `role_changes` — the store of that table.
#include <string>

#include <soci/soci.h>

namespace ltc::admin {

struct RoleChange {
    std::string user_id;
    std::string changed_by;
    std::string from_role;
    std::string to_role;
    std::string reason;
    std::string request_id;
};

// Sets the role and keeps the change in role_changes (in the caller's transaction).
void store_role_change(soci::session& sql, const RoleChange& change);

bool is_known_role(const std::string& role);

}  // namespace ltc::admin
