#include "cli/verify_trust_command.hpp"

#include "cli/cli_context.hpp"
#include "trust/berlin_date.hpp"
#include "vehicles/trust_summary.hpp"

namespace ltc::cli {

int verify_trust_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty()) {
        err << "usage: ltc verify-trust\n";
        return 2;
    }
    return run_with_context("verify-trust", err, [&out](CliContext& context) {
        const auto today = trust::berlin_today(context.config.today_override);
        const auto differing = vehicles::stale_summaries(context.database.session(), today);
        for (const auto& id : differing) out << "differs: vehicle " << id << '\n';
        out << "verify-trust: " << differing.size() << " stored summaries differ from a fresh computation\n";
        return differing.empty() ? 0 : 1;
    });
}

}  // namespace ltc::cli
