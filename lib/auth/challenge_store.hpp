#pragma once
// The auth_challenges table: one e-mail code per challenge, only its HMAC stored.
#include <optional>
#include <string>

#include <soci/soci.h>

namespace ltc::auth {

struct Challenge {
    std::string id;
    std::string email_hmac;
    std::string email_ciphertext;
    std::string code_hmac;
    int attempts = 0;
    bool used = false;
    bool expired = false;
};

struct NewChallenge {
    std::string id;
    std::string email_hmac;
    std::string email_ciphertext;
    std::string code_hmac;
    int key_version = 0;
    long long ttl_seconds = 0;
};

void insert_challenge(soci::session& sql, const NewChallenge& challenge);
// nullopt for an unknown id (the caller checked that it is a UUID).
std::optional<Challenge> load_challenge(soci::session& sql, const std::string& id);
// Counts one wrong code, never past max_attempts; the new count, or nullopt when already at the maximum.
std::optional<int> count_challenge_attempt(soci::session& sql, const std::string& id, int max_attempts);
// Marks the challenge used; false when a parallel request used it first, or it expired or locked meanwhile.
bool claim_challenge(soci::session& sql, const std::string& id, int max_attempts);

}  // namespace ltc::auth
