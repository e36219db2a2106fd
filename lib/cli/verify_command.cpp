#include "cli/verify_command.hpp"

#include "cli/cli_context.hpp"
#include "cli/data_checks.hpp"

namespace ltc::cli {

int verify_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty()) {
        err << "usage: ltc verify\n";
        return 2;
    }
    return run_with_context("verify", err, [&out](CliContext& context) {
        soci::session& sql = context.database.session();
        out << "rows:";
        for (const auto& [table, rows] : count_tables(sql)) out << ' ' << table << '=' << rows;
        out << '\n';
        const CheckResult sealed = check_sealed_columns(sql, context.keys);
        const CheckResult files = check_document_files(sql, context.config.storage_dir);
        for (const CheckResult* result : {&sealed, &files}) {
            for (const std::string& problem : result->problems) out << "problem: " << problem << '\n';
        }
        const std::size_t problems = sealed.problems.size() + files.problems.size();
        out << "verify: " << sealed.checked << " sealed values, " << files.checked << " document files checked, "
            << problems << " problems\n";
        return problems == 0 ? 0 : 1;
    });
}

}  // namespace ltc::cli
