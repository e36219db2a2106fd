#include "cli/jobs_command.hpp"

#include "cli/cli_context.hpp"
#include "db/query.hpp"
#include "documents/retention.hpp"
#include "documents/scan_job.hpp"
#include "exports/export_files.hpp"
#include "mail/mailer.hpp"

namespace ltc::cli {

namespace {
long long delete_rows(soci::session& sql, const std::string& statement) {
    return db::query(sql, statement).affected();
}
}  // namespace

namespace {
int scan(std::ostream& out, std::ostream& err) {
    return run_with_context("jobs", err, [&out](CliContext& context) {
        const auto summary = documents::run_scans(context.database, context.config.storage_dir, context.config.scan_command,
                                                  std::chrono::seconds(context.config.scan_timeout_seconds));
        out << "scan: " << summary.clean << " clean, " << summary.infected << " infected, " << summary.postponed
            << " postponed\n";
        return 0;
    });
}
}  // namespace

int jobs_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && args[0] == "scan") return scan(out, err);
    if (args.size() != 1 || args[0] != "retention") {
        err << "usage: ltc jobs retention|scan\n";
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
        const auto documents = documents::run_retention(context.database, context.config.storage_dir,
                                                        context.config.document_retention_days);
        // Full exports are kept at most LTC_EXPORT_TTL_SECONDS (≤ 24 h): no grace day.
        const long long exports = exports::purge_exports(sql, exports::export_dir(context.config.var_dir));
        out << "retention: " << challenges << " challenges, " << sessions << " sessions, " << windows
            << " rate-limit windows, " << mails << " finished mails deleted, " << documents.pii_deleted
            << " documents with confirmed PII deleted, " << documents.files_removed << " document files removed, "
            << exports << " export files deleted\n";
        return 0;
    });
}

}  // namespace ltc::cli
