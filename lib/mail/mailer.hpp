#pragma once
// `ltc mailer`: delivers the outbox — over SMTP when LTC_SMTP_URL is set, else as .eml files in
// the mail folder — with retries and backoff, and wipes recipient and message afterwards.
#include <optional>
#include <string>

#include "crypto/hkdf.hpp"
#include "db/database.hpp"

namespace ltc::mail {

struct SmtpTarget {
    std::string host;
    int port = 25;
    bool starttls = false;
    std::string username;
    std::string password;
};

// smtp://[user:pass@]host[:port] (plain) or smtp+starttls://…; nullopt when malformed.
std::optional<SmtpTarget> parse_smtp_url(const std::string& url);

struct MailerSettings {
    std::string from = "LifeTimeCircle <no-reply@lifetimecircle.invalid>";  // LTC_MAIL_FROM
    std::string mail_dir;                   // LTC_MAIL_DIR (default <var>/mail)
    std::optional<SmtpTarget> smtp;         // LTC_SMTP_URL
    int smtp_timeout_seconds = 30;          // LTC_SMTP_TIMEOUT_SECONDS: per wait on the server
    // Attempts before a mail counts as failed: with the backoff below they span about half an
    // hour, so an SMTP outage that short loses nothing, inside the hour after which pending mail
    // expires (outbox.cpp).
    int max_attempts = 10;
};

// Seconds to wait before the next attempt after `attempts` failures: 5, 10, 20, 40, … (≤ 600).
long backoff_seconds(int attempts);

// Delivers what is due; returns the number of messages delivered.
int deliver_due(db::Database& database, const crypto::KeyRing& keys, const MailerSettings& settings);

// Marks pending mail older than an hour as expired and wipes every finished or old row's content.
void wipe_old_mail(db::Database& database);

}  // namespace ltc::mail
