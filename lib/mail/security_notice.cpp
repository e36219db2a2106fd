#include "mail/security_notice.hpp"

#include "mail/outbox.hpp"

namespace ltc::mail {

NoticeText security_notice(SecurityEvent event, const std::string& new_role) {
    NoticeText text;
    text.subject = "LifeTimeCircle – Sicherheitshinweis";
    const std::string closing =
        "\n\nWenn Du das nicht warst, antworte nicht auf diese E-Mail, sondern wende Dich an den Betreiber.\n\n"
        "LifeTimeCircle · Service Heft 4.0\n";
    switch (event) {
        case SecurityEvent::totp_enrolled:
            text.body = "Hallo,\n\nfür Dein Konto wurde soeben die Zwei-Faktor-Anmeldung (TOTP) eingerichtet." + closing;
            break;
        case SecurityEvent::role_changed:
            text.body = "Hallo,\n\ndie Rolle Deines Kontos wurde geändert. Neue Rolle: " + new_role + "." + closing;
            break;
    }
    return text;
}

void queue_security_notice(soci::session& sql, const crypto::KeyRing& keys, const std::string& address, SecurityEvent event,
                           const std::string& new_role) {
    const NoticeText text = security_notice(event, new_role);
    enqueue(sql, keys, {address, text.subject, text.body});
}

}  // namespace ltc::mail
