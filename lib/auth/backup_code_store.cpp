#include "auth/backup_code_store.hpp"

#include "db/query.hpp"

namespace ltc::auth {

void replace_backup_code_hmacs(soci::session& sql, const std::string& user_id, const std::vector<std::string>& hmacs) {
    delete_backup_codes(sql, user_id);
    std::string array = "{";
    for (const auto& hmac : hmacs) {
        if (array.size() > 1) array += ",";
        array += hmac;  // hex: no quoting needed
    }
    array += "}";
    db::query(sql, "INSERT INTO backup_codes (user_id, code_hmac) SELECT $1::uuid, unnest($2::text[])", {user_id, array});
}

bool use_backup_code(soci::session& sql, const std::string& user_id, const std::string& hmac) {
    return db::query(sql,
                     "UPDATE backup_codes SET used_at = now() WHERE user_id = $1::uuid AND code_hmac = $2"
                     " AND used_at IS NULL",
                     {user_id, hmac})
               .affected() > 0;
}

void delete_backup_codes(soci::session& sql, const std::string& user_id) {
    db::query(sql, "DELETE FROM backup_codes WHERE user_id = $1::uuid", {user_id});
}

}  // namespace ltc::auth
