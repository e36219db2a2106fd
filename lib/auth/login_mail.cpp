#include "auth/login_mail.hpp"

namespace ltc::auth {

MailText login_code_mail(std::string_view code) {
    MailText mail;
    mail.subject = "LifeTimeCircle \u2013 Dein Login-Code";
    mail.body = "Hallo,\n"
                "\n"
                "Dein Login-Code: ";
    mail.body += code;
    mail.body += "\n"
                 "\n"
                 "Der Code ist 10 Minuten g\u00fcltig und kann nur einmal verwendet werden.\n"
                 "Gib ihn auf der Anmeldeseite ein, auf der Du ihn angefordert hast.\n"
                 "\n"
                 "Wenn Du keinen Code angefordert hast, kannst Du diese E-Mail ignorieren.\n"
                 "Wir fragen Dich niemals per E-Mail oder Telefon nach diesem Code.\n"
                 "\n"
                 "LifeTimeCircle \u00b7 Service Heft 4.0\n";
    return mail;
}

}  // namespace ltc::auth
