#include "mail/outbox_metrics.hpp"

#include "mail/outbox.hpp"

namespace ltc::mail {

namespace {
void gauge(std::string& out, const char* name, const char* help, const std::string& value) {
    out += std::string("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " gauge\n" + name + ' ' + value + '\n';
}
}  // namespace

std::string outbox_metrics(soci::session& sql) {
    const OutboxState state = outbox_state(sql);
    std::string out;
    gauge(out, "ltc_mail_outbox_pending", "Mails waiting for delivery.", state.pending);
    gauge(out, "ltc_mail_outbox_oldest_pending_age_seconds", "Age of the oldest mail waiting for delivery (0: none).",
          state.oldest_pending_age_seconds);
    gauge(out, "ltc_mail_failed_attempts_1h", "Failed delivery attempts of the mails created in the last hour.",
          state.failed_attempts_1h);
    return out;
}

}  // namespace ltc::mail
