#pragma once
// The mail outbox in /api/metrics: how many mails wait, how long the oldest has waited, and
// how many delivery attempts failed in the last hour (the mailer runs as its own process; the
// outbox table is what both see). Alerts: LtcMailOutboxStuck, LtcMailSendFailures.
#include <string>

#include <soci/soci.h>

namespace ltc::mail {

// Prometheus text (HELP, TYPE and one sample per gauge); throws db::QueryError.
std::string outbox_metrics(soci::session& sql);

}  // namespace ltc::mail
