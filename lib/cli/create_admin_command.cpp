#include "cli/create_admin_command.hpp"

#include "vehicles/trust_summary.hpp"

#include "audit/audit.hpp"
#include "auth/email.hpp"
#include "auth/sessions.hpp"
#include "auth/users.hpp"
#include "cli/cli_context.hpp"
#include "mail/security_notice.hpp"

namespace ltc::cli {

int create_admin_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string email;
    std::string role;
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == "--email") email = args[i + 1];
        if (args[i] == "--role") role = args[i + 1];
    }
    if (email.empty() || (role != "admin" && role != "superadmin") || args.size() != 4) {
        err << "usage: ltc create-admin --email ADDRESS --role admin|superadmin\n";
        return 2;
    }
    const std::string normalized = auth::normalize_email(email);
    if (auth::validate_email(normalized)) {
        err << "ltc create-admin: not a possible e-mail address\n";
        return 2;
    }
    return run_with_context("create-admin", err, [&](CliContext& context) {
        const crypto::KeyRing& keys = context.keys;
        auth::User user;
        context.database.transaction([&](soci::session& tx) {
            user = auth::find_or_create_user(tx, keys, normalized);
            const std::string previous = user.role;
            auth::set_role_and_status(tx, user.id, role, "active");
            vehicles::invalidate_owner_trust(tx, user.id);
            auth::end_all_sessions(tx, user.id);
            audit::Event event;
            event.action = "ADMIN_CREATED_CLI";
            event.actor_role = "cli";
            event.target_type = "user";
            event.target_id = user.id;
            event.meta = {{"from_role", previous}, {"to_role", role}};
            audit::record(tx, event);
            if (previous != role) mail::queue_security_notice(tx, keys, auth::user_email(tx, keys, user.id), mail::SecurityEvent::role_changed, role);
        });
        out << "ltc create-admin: " << user.email_masked << " is " << role
            << "; the next sign-in at /auth asks for TOTP (enrolment on first use)\n";
        return 0;
    });
}

}  // namespace ltc::cli
