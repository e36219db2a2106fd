#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ltc::cli {

// ltc mailer [--once]: delivers the outbox every second (LTC_DATABASE_URL, LTC_SECRET_KEY,
// LTC_SMTP_URL, LTC_MAIL_FROM, LTC_MAIL_DIR); --once delivers what is due and exits.
int mailer_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ltc::cli
