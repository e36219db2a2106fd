#pragma once
// Sign-in as a client does it, with the code read from the mail folder the local mailer writes.
#include <string>
#include <vector>

#include <libpq-fe.h>

#include "stack_client.hpp"

namespace ltc::test {

// A loopback source address no other test uses (per-IP limits are counted per address).
std::string fresh_source_ip();
std::string fresh_address(const std::string& prefix);

// The code of the newest mail to `address` (waits up to 15 s for the mailer).
// The newest login code mailed to `address` once more than `skip_older_than_count` code mails
// arrived (count them with code_mails_to before the request).
std::string read_code(const std::string& address, std::size_t skip_older_than_count = 0);
std::size_t code_mails_to(const std::string& address);
std::size_t mails_to(const std::string& address);

std::string request_code(StackClient& client, const std::string& address);

struct Session {
    std::string user_id;
    std::string token;
    std::string csrf;
    std::string set_cookie;
    httplib::Headers cookie() const;          // Cookie header only
    httplib::Headers cookie_and_csrf() const; // plus X-CSRF-Token
    httplib::Headers bearer() const;
};

// request → mail → verify; fails the test on any unexpected answer.
Session sign_in(StackClient& client, const std::string& address);
void accept_current_consent(StackClient& client, const Session& session);

// Rows of a query as text, run as the database owner (LTC_MIGRATE_DATABASE_URL of the stack).
std::vector<std::vector<std::string>> query_as_owner(const std::string& sql);
// A connection as the application role (LTC_DATABASE_URL of the stack); the caller PQfinish-es it.
PGconn* connect_as_app();
// The same as the schema owner (LTC_MIGRATE_DATABASE_URL).
PGconn* connect_as_owner();
// Runs a statement as the application role; returns the error message, empty on success.
std::string execute_as_app(const std::string& sql);

}  // namespace ltc::test
