#include "cli/jobs_command.hpp"

#include "cli/cli_context.hpp"
#include "db/query.hpp"
#include "exports/export_files.hpp"
#include "mail/mailer.hpp"

namespace ltc::cli {

namespace {
long long delete_rows(soci::session& sql, const std::string& statement) {
    return db::query(sql, statement).affected();
}
}  // namespace

int jobs_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() != 1 || args[0] != "retention") {
        err << "usage: ltc jobs retention\n";
        return 2;
    }
    return run_with_context("jobs", err, [&out](CliContext& context) {
        soci::session& sql = context.database.session();
        // A day of grace keeps recent rows for investigating an incident.
        const long long challenges =
            delete_rows(sql, "DELETE FROM auth_challenges WHERE expires_at < now() - interval '1 day'");
        const long long sessions = delete_rows(
            sql, "DELETE FROM sessions WHERE expires_at < now() - interval '1 day' OR ended_at < now() - interval '1 day'");
        const long long windows = delete_rows(sql, "DELETE FROM rate_limit_counters WHERE window_end < now()");
        mail::wipe_old_mail(context.database);
        const long long mails = delete_rows(
            sql, "DELETE FROM mail_outbox WHERE status <> 'pending' AND created_at < now() - interval '7 days'");
        // Full exports are kept at most LTC_EXPORT_TTL_SECONDS (≤ 24 h): no grace day.
        const long long exports = exports::purge_exports(sql, exports::export_dir(context.config.var_dir));
        out << "retention: " << challenges << " challenges, " << sessions << " sessions, " << windows
            << " rate-limit windows, " << mails << " finished mails, " << exports << " export files deleted\n";
        return 0;
    });
}

}  // namespace ltc::cli
