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

// Queues the notice for the user in the caller's transaction.
void notify_user(soci::session& sql, const crypto::KeyRing& keys, const std::string& user_id, SecurityEvent event,
                 const std::string& new_role = {});

}  // namespace ltc::mail
