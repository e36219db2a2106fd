#include "auth/challenge_store.hpp"

#include "db/query.hpp"

namespace ltc::auth {

void insert_challenge(soci::session& sql, const NewChallenge& challenge) {
    db::query(sql,
              "INSERT INTO auth_challenges (id, email_hmac, email_ciphertext, code_hmac, key_version, expires_at)"
              " VALUES ($1::uuid, $2, $3, $4, $5::int, now() + make_interval(secs => $6::bigint))",
              {challenge.id, challenge.email_hmac, challenge.email_ciphertext, challenge.code_hmac, challenge.key_version,
               challenge.ttl_seconds});
}

std::optional<Challenge> load_challenge(soci::session& sql, const std::string& id) {
    const auto row = db::query(sql,
                               "SELECT email_hmac, email_ciphertext, code_hmac, attempts, used_at IS NOT NULL,"
                               " expires_at <= now() FROM auth_challenges WHERE id = $1::uuid",
                               {id})
                         .first();
    if (!row) return std::nullopt;
    return Challenge{id,           row->text(0), row->text(1), row->text(2), static_cast<int>(row->integer(3)),
                     row->flag(4), row->flag(5)};
}

std::optional<int> count_challenge_attempt(soci::session& sql, const std::string& id, int max_attempts) {
    const auto row = db::query(sql,
                               "UPDATE auth_challenges SET attempts = attempts + 1 WHERE id = $1::uuid AND attempts < $2::int"
                               " RETURNING attempts",
                               {id, max_attempts})
                         .first();
    if (!row) return std::nullopt;
    return static_cast<int>(row->integer(0));
}

bool claim_challenge(soci::session& sql, const std::string& id, int max_attempts) {
    return db::query(sql,
                     "UPDATE auth_challenges SET used_at = now() WHERE id = $1::uuid AND used_at IS NULL"
                     " AND attempts < $2::int AND expires_at > now()",
                     {id, max_attempts})
               .affected() == 1;
}

}  // namespace ltc::auth
