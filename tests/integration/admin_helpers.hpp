#pragma once
// Admins as a client makes them: `ltc create-admin` (the CLI the operator uses), the e-mail
// code, TOTP enrolment and activation, then consent. TOTP codes are computed with the
// product's own RFC 6238 code (build/libltc.a). Each TOTP step is accepted once per user, so
// extra step-ups use the ten backup codes.
#include <string>
#include <vector>

#include "sign_in_helpers.hpp"

namespace ltc::test {

// Runs `scripts/ltc-local.sh create-admin --email … --role …` for the stack under test.
void create_admin_with_cli(const std::string& address, const std::string& role);

// The TOTP code of a base32 secret at now + offset_seconds (±30 s are inside the window).
std::string totp_now(const std::string& base32_secret, long offset_seconds = 0);
// A six-digit code that matches none of the secret's codes in the accepted window.
std::string wrong_totp(const std::string& base32_secret);

std::string json_string(const std::string& text);
std::string random_uuid();
// A fresh VIN: 17 characters of the VIN alphabet from a random UUID's hex digits (no I, O, Q).
std::string new_vin();
long long count_rows(const std::string& sql);

// Waits up to 15 s for a mail to `address` (lower-case) whose text contains `text`.
bool mail_with_text_arrives(const std::string& address, const std::string& text);

class Admin {
public:
    // "admin" or "superadmin": created by the CLI, signed in, TOTP enrolled and activated
    // (the session is full and stepped up), current consent accepted.
    explicit Admin(const std::string& role, const std::string& prefix = "admin");

    StackClient client;
    std::string address;
    std::string role;
    Session session;
    std::string secret;  // base32
    std::vector<std::string> backup_codes;

    // A request with the session cookie and X-CSRF-Token, as the web client sends it.
    Reply send(const std::string& method, const std::string& path, const std::string& body = {});
    Reply send_with(const Session& other, const std::string& method, const std::string& path, const std::string& body = {});
    // POST /api/auth/step-up with the next unused backup code; fails the test unless 200.
    void step_up();
    void step_up(const Session& other);
    std::string next_backup_code();

    // A new sign-in of the same account: a pending session (second factor still to give).
    Session sign_in_again();
    // sign_in_again + POST /api/auth/totp/verify with `code`; returns the full session.
    Session sign_in_with_code(const std::string& code);

private:
    std::size_t used_backup_codes_ = 0;
};

// A non-admin account: signed in, consent accepted; a role other than "user" is set by the
// given superadmin (who must hold a valid step-up).
class Member {
public:
    explicit Member(const std::string& prefix = "member");
    Member(Admin& superadmin, const std::string& role, const std::string& prefix = "member");

    StackClient client;
    std::string address;
    Session session;

    Reply send(const std::string& method, const std::string& path, const std::string& body = {});
};

// POST /api/vehicles with this VIN; fails the test unless 201; the new vehicle's id.
std::string create_vehicle(Member& owner, const std::string& vin);

// PUT /api/admin/users/{id}/role by `by`.
Reply set_role(Admin& by, const std::string& user_id, const std::string& role, const std::string& reason = "Test");

}  // namespace ltc::test
