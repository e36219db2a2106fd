#include "mail/outbox_metrics.hpp"

#include "db/query.hpp"

namespace ltc::mail {

namespace {
void gauge(std::string& out, const char* name, const char* help, const std::string& value) {
    out += std::string("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " gauge\n" + name + ' ' + value + '\n';
}
}  // namespace

std::string outbox_metrics(soci::session& sql) {
    // Every attempt of a mail that is not (yet) sent failed, except the one of a mail being sent
    // right now; mails older than an hour are expired by the retention job anyway.
    const db::Row row = db::query(sql,
                                  "SELECT count(*) FILTER (WHERE status = 'pending'),"
                                  " COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0)::bigint,"
                                  " COALESCE(sum(attempts - CASE WHEN status = 'sent' THEN 1 ELSE 0 END)"
                                  "   FILTER (WHERE created_at > now() - interval '1 hour'), 0)"
                                  " FROM mail_outbox")[0];
    std::string out;
    gauge(out, "ltc_mail_outbox_pending", "Mails waiting for delivery.", row.text(0));
    gauge(out, "ltc_mail_outbox_oldest_pending_age_seconds", "Age of the oldest mail waiting for delivery (0: none).",
          row.text(1));
    gauge(out, "ltc_mail_failed_attempts_1h", "Failed delivery attempts of the mails created in the last hour.",
          row.text(2));
    return out;
}

}  // namespace ltc::mail
