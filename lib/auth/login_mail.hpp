#pragma once
// The German plain-text mail that carries a sign-in code (no link).
#include <string>
#include <string_view>

namespace ltc::auth {

struct MailText {
    std::string subject;
    std::string body;
};

// Subject "LifeTimeCircle – Dein Login-Code"; body with "Dein Login-Code: <code>", valid 10 minutes.
MailText login_code_mail(std::string_view code);

}  // namespace ltc::auth
