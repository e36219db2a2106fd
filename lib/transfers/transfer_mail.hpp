#pragma once
// The mails of a redeemed transfer (German, informal): one to the seller, one to the buyer.
// They name the vehicle by its masked VIN only.
#include <string>

#include "auth/login_mail.hpp"

namespace ltc::transfers {

auth::MailText seller_mail(const std::string& vin_masked);
auth::MailText buyer_mail(const std::string& vin_masked);

}  // namespace ltc::transfers
