#pragma once
// Notification mails about account security (TOTP enrolment, role changes).
#include <string>

#include <soci/soci.h>

#include "crypto/hkdf.hpp"

namespace ltc::mail {

enum class SecurityEvent { totp_enrolled, role_changed };

struct NoticeText {
    std::string subject;
    std::string body;
};

NoticeText security_notice(SecurityEvent event, const std::string& new_role = {});

// Queues the notice to `address` (the user's, from auth::user_email) in the caller's transaction.
void queue_security_notice(soci::session& sql, const crypto::KeyRing& keys, const std::string& address, SecurityEvent event,
                           const std::string& new_role = {});

}  // namespace ltc::mail
