#include "transfers/transfer_mail.hpp"

namespace ltc::transfers {

namespace {
const std::string closing = "\n\nLifeTimeCircle \u00b7 Service Heft 4.0\n";
}  // namespace

auth::MailText seller_mail(const std::string& vin_masked) {
    return {"LifeTimeCircle \u2013 Dein Fahrzeug wurde \u00fcbergeben",
            "Hallo,\n\nDein Fahrzeug " + vin_masked +
                " wurde mit Deinem \u00dcbergabe-Code \u00fcbernommen. Es geh\u00f6rt jetzt dem neuen Besitzer; "
                "Du hast keinen Zugriff mehr darauf.\n\nWenn Du den Code nicht weitergegeben hast, wende Dich "
                "bitte an den Betreiber." +
                closing};
}

auth::MailText buyer_mail(const std::string& vin_masked) {
    return {"LifeTimeCircle \u2013 Fahrzeug \u00fcbernommen",
            "Hallo,\n\nDu hast das Fahrzeug " + vin_masked +
                " mit seinem Service-Heft \u00fcbernommen. Du findest es jetzt in Deiner Fahrzeugliste. "
                "Der \u00f6ffentliche QR-Link wurde erneuert: Alte Aufkleber gelten nicht mehr." +
                closing};
}

}  // namespace ltc::transfers
