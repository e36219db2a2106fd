#pragma once
// The store of the `backup_codes` table: only HMACs of the codes, each usable once.
#include <string>
#include <vector>

#include <soci/soci.h>

namespace ltc::auth {

// The user's codes become exactly these (hex HMACs); the old ones stop working.
void replace_backup_code_hmacs(soci::session& sql, const std::string& user_id, const std::vector<std::string>& hmacs);
// Marks the unused code with this HMAC used; false when there is none.
bool use_backup_code(soci::session& sql, const std::string& user_id, const std::string& hmac);
void delete_backup_codes(soci::session& sql, const std::string& user_id);

}  // namespace ltc::auth
