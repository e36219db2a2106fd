#pragma once
// Accounts as admins see them (API.md "Admin"): the user item, listing with filters, and the
// locks the role/disable rules need.
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include "crypto/hkdf.hpp"
#include "http/collection.hpp"

namespace ltc::admin {

struct UserRecord {
    std::string id;
    std::string role;
    std::string status;  // active | disabled
    std::string email_masked;
    std::string created_at;
    std::optional<std::string> last_sign_in_at;
};

// The account with this id (a canonical UUID); `lock` takes a row lock (FOR UPDATE) for the
// rest of the caller's transaction.
std::optional<UserRecord> load_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& id,
                                    bool lock = false);

// Newest accounts first (ties broken by id); empty filters match everything. Returns up to
// page.limit + 1 rows (see http::page_json).
std::vector<UserRecord> list_users(soci::session& sql, const crypto::KeyRing& keys, const std::string& role,
                                   const std::string& status, const http::Page& page);

// Locks every active superadmin row (in id order, so concurrent rule checks cannot deadlock)
// and returns how many there are.
long long lock_active_superadmins(soci::session& sql);

struct RoleChange {
    std::string user_id;
    std::string changed_by;
    std::string from_role;
    std::string to_role;
    std::string reason;
    std::string request_id;
};

// Sets the role and keeps the change (with its reason) in role_changes.
void store_role_change(soci::session& sql, const RoleChange& change);
void set_status(soci::session& sql, const std::string& user_id, const std::string& status);
// For the operator CLI (no acting user to record in role_changes).
void set_role_and_status(soci::session& sql, const std::string& user_id, const std::string& role, const std::string& status);
// TOTP, a pending enrolment, backup codes and the failure lock cleared.
void reset_second_factor(soci::session& sql, const std::string& user_id);

// {"id","email_masked","role","status","created_at","last_sign_in_at"}
Poco::JSON::Object::Ptr user_item_json(const UserRecord& user);

bool is_known_role(const std::string& role);

}  // namespace ltc::admin
