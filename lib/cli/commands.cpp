#include "cli/commands.hpp"

#include <functional>
#include <map>

#include "cli/bind_sealed_rows_command.hpp"
#include "cli/create_admin_command.hpp"
#include "cli/decrypt_export_command.hpp"
#include "cli/demo_command.hpp"
#include "cli/jobs_command.hpp"
#include "cli/mailer_command.hpp"
#include "cli/migrate_command.hpp"
#include "cli/rotate_secret_command.hpp"
#include "cli/routes_command.hpp"
#include "cli/seed_command.hpp"
#include "cli/verify_command.hpp"
#include "cli/verify_trust_command.hpp"

namespace ltc::cli {

namespace {
void usage(std::ostream& err) {
    err << "usage: ltc <command> [options]\n"
           "  migrate [--dir DIR]   apply sql/V*.sql (LTC_MIGRATE_DATABASE_URL)\n"
           "  mailer [--once]       deliver the mail outbox (SMTP or .eml files)\n"
           "  create-admin --email ADDRESS --role admin|superadmin\n"
                      "  jobs scan             virus-scan pending documents with LTC_SCAN_COMMAND\n"
           "  jobs retention        delete expired challenges, sessions, rate-limit windows, old mail\n"
           "                        and the files of expired or downloaded full exports\n"
           "  decrypt-export --key KEY FILE\n"
           "                        print a downloaded full export as JSON (KEY: base64url, shown once)\n"
           "  demo-seed             a demo owner with one vehicle (local stack)\n"
           "  bind-sealed-rows      upgrade step: bind ciphertexts written before rows were bound\n"
           "  rotate-secret         re-key all data from LTC_OLD_SECRET_KEY to LTC_SECRET_KEY (--help)\n"
           "  verify                row counts; every sealed column opens with the configured keys and\n"
           "                        every document file matches its SHA-256 (after a restore)\n"
           "  verify-trust          compare every stored trust summary with a fresh computation\n"
           "  seed --owners N --vehicles-per-owner M --entries-per-vehicle K [--seed S]\n"
           "                        deterministic load-test data (bench), fast multi-row inserts\n";
}
}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    using Command = std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)>;
    static const std::map<std::string, Command> commands = {
        {"migrate", migrate_command},
        {"mailer", mailer_command},
        {"create-admin", create_admin_command},
        {"jobs", jobs_command},
        {"decrypt-export", decrypt_export_command},
        {"demo-seed", demo_command},
        {"bind-sealed-rows", bind_sealed_rows_command},
        {"rotate-secret", rotate_secret_command},
        {"verify", verify_command},
        {"verify-trust", verify_trust_command},
        {"seed", seed_command},
        {"routes", routes_command},  // hidden: for the authorization matrix test
    };
    if (args.empty() || args[0] == "-h" || args[0] == "--help") {
        usage(err);
        return args.empty() ? 2 : 0;
    }
    const auto found = commands.find(args[0]);
    if (found == commands.end()) {
        err << "ltc: unknown command '" << args[0] << "'\n";
        usage(err);
        return 2;
    }
    return found->second(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
}

}  // namespace ltc::cli
