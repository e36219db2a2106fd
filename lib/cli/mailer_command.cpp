#include "cli/mailer_command.hpp"

#include <chrono>
#include <csignal>
#include <thread>

#include "config/auth_settings.hpp"
#include "config/config.hpp"
#include "mail/mailer.hpp"
#include "server/access_log.hpp"

namespace ltc::cli {

namespace {
volatile std::sig_atomic_t stop_requested = 0;
void request_stop(int) { stop_requested = 1; }
}  // namespace

int mailer_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const bool once = args.size() == 1 && args[0] == "--once";
    if (!args.empty() && !once) {
        err << "usage: ltc mailer [--once]\n";
        return 2;
    }
    mail::MailerSettings settings;
    std::string secret;
    std::string database_url;
    int key_version = 1;
    try {
        const auto env = config::process_environment();
        const auto worker = config::load_worker_config(env);
        secret = worker.secret_key;
        database_url = worker.database_url;
        key_version = config::load_auth_settings(env).key_version;
        settings.mail_dir = env("LTC_MAIL_DIR").value_or(worker.var_dir + "/mail");
        settings.from = env("LTC_MAIL_FROM").value_or(settings.from);
        settings.smtp_timeout_seconds =
            static_cast<int>(config::integer_or(env, "LTC_SMTP_TIMEOUT_SECONDS", settings.smtp_timeout_seconds, 1, 300));
        if (const auto url = env("LTC_SMTP_URL"); url && !url->empty()) {
            settings.smtp = mail::parse_smtp_url(*url);
            if (!settings.smtp) throw config::ConfigError("LTC_SMTP_URL is not smtp://[user:pass@]host[:port] or smtp+starttls://…");
        }
    } catch (const config::ConfigError& error) {
        err << "ltc mailer: " << error.what() << '\n';
        return 78;
    }
    const crypto::KeyRing keys(secret, key_version);
    db::Database database(database_url);
    std::signal(SIGTERM, request_stop);
    std::signal(SIGINT, request_stop);
    server::log_event("info", settings.smtp ? "mailer delivering over SMTP" : "mailer writing .eml files");
    while (stop_requested == 0) {
        try {
            const int delivered = mail::deliver_due(database, keys, settings);
            mail::wipe_old_mail(database);
            if (once) {
                out << "delivered " << delivered << '\n';
                return 0;
            }
        } catch (const std::exception&) {
            database.drop();  // reconnect on the next round; the database may be restarting
            if (once) {
                err << "ltc mailer: the database is not reachable\n";
                return 1;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    server::log_event("info", "mailer stopped");
    return 0;
}

}  // namespace ltc::cli
