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

// {"id","email_masked","role","status","created_at","last_sign_in_at"}
Poco::JSON::Object::Ptr user_item_json(const UserRecord& user);

bool is_known_role(const std::string& role);

}  // namespace ltc::admin
