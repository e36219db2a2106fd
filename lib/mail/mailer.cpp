#include "mail/mailer.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/Timestamp.h>

#include "crypto/aead.hpp"
#include "crypto/sealed_fields.hpp"
#include "mail/eml.hpp"
#include "mail/outbox.hpp"
#include "server/access_log.hpp"

namespace ltc::mail {

std::optional<SmtpTarget> parse_smtp_url(const std::string& url) {
    static const std::regex pattern(R"(^smtp(\+starttls)?://(?:([^:@/]+):([^@/]*)@)?([A-Za-z0-9.\-]+)(?::(\d{1,5}))?/?$)");
    std::smatch match;
    if (!std::regex_match(url, match, pattern)) return std::nullopt;
    SmtpTarget target;
    target.starttls = match[1].matched;
    target.username = match[2].str();
    target.password = match[3].str();
    target.host = match[4].str();
    target.port = match[5].matched ? std::stoi(match[5].str()) : (target.starttls ? 587 : 25);
    if (target.port < 1 || target.port > 65535) return std::nullopt;
    return target;
}

long backoff_seconds(int attempts) {
    long seconds = 5;
    for (int i = 1; i < attempts && seconds < 600; ++i) seconds *= 2;
    return std::min(seconds, 600L);
}

namespace {

struct Claimed {
    std::string id;
    std::string recipient;
    std::string subject;
    std::string body;
    int attempts = 0;
};

void write_eml(const MailerSettings& settings, const Claimed& mail) {
    std::filesystem::create_directories(settings.mail_dir);
    const std::string date = Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::RFC1123_FORMAT);
    const std::string stamp = Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y%m%dT%H%M%S%i");
    const std::filesystem::path final_path = std::filesystem::path(settings.mail_dir) / (stamp + "-" + mail.id + ".eml");
    const std::filesystem::path temporary = final_path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << format_eml(settings.from, mail.recipient, mail.subject, mail.body, date, mail.id + "@lifetimecircle");
        if (!out) throw std::runtime_error("cannot write mail file");
    }
    std::filesystem::permissions(temporary, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    std::filesystem::rename(temporary, final_path);  // readers never see half a message
}

void send_smtp(const SmtpTarget& target, const MailerSettings& settings, const Claimed& mail) {
    Poco::Net::MailMessage message;
    message.setSender(settings.from);
    message.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, mail.recipient));
    message.setSubject(Poco::Net::MailMessage::encodeWord(mail.subject, "UTF-8"));
    message.setContentType("text/plain; charset=UTF-8");
    message.setContent(mail.body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    const auto login = [&](Poco::Net::SMTPClientSession& session) {
        if (target.username.empty()) {
            session.login();
        } else {
            session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, target.username, target.password);
        }
    };
    if (target.starttls) {
        Poco::Net::SecureSMTPClientSession session(target.host, static_cast<Poco::UInt16>(target.port));
        session.setTimeout(Poco::Timespan(settings.smtp_timeout_seconds, 0));
        session.login();
        if (!session.startTLS()) throw std::runtime_error("the SMTP server does not offer STARTTLS");
        login(session);
        session.sendMessage(message);
        session.close();
    } else {
        Poco::Net::SMTPClientSession session(target.host, static_cast<Poco::UInt16>(target.port));
        session.setTimeout(Poco::Timespan(settings.smtp_timeout_seconds, 0));
        login(session);
        session.sendMessage(message);
        session.close();
    }
}

// Claims one due message (see claim_next_due) and opens it.
std::optional<Claimed> claim_next(soci::session& sql, const crypto::KeyRing& keys) {
    const auto row = claim_next_due(sql);
    if (!row) return std::nullopt;
    Claimed mail;
    mail.id = row->id;
    mail.attempts = row->attempts;
    mail.recipient = crypto::open_sealed(keys, crypto::sealed_field::outbox_recipient, mail.id, row->recipient_ciphertext);
    decode_message(crypto::open_sealed(keys, crypto::sealed_field::outbox_message, mail.id, row->message_ciphertext),
                   mail.subject, mail.body);
    return mail;
}

std::string failure_kind(const std::exception& error) {
    if (dynamic_cast<const Poco::Net::SMTPException*>(&error)) return "smtp_rejected";
    if (dynamic_cast<const Poco::TimeoutException*>(&error)) return "smtp_timeout";
    if (dynamic_cast<const Poco::Net::NetException*>(&error) || dynamic_cast<const Poco::IOException*>(&error)) {
        return "smtp_connection";
    }
    return "mail_file";
}

}  // namespace

int deliver_due(db::Database& database, const crypto::KeyRing& keys, const MailerSettings& settings) {
    int delivered = 0;
    soci::session& sql = database.session();
    while (true) {
        std::optional<Claimed> mail;
        try {
            mail = claim_next(sql, keys);
        } catch (const crypto::DecryptionError&) {
            continue;  // unreadable under the current key: left for the retention job to expire
        }
        if (!mail) break;
        try {
            if (settings.smtp) {
                send_smtp(*settings.smtp, settings, *mail);
            } else {
                write_eml(settings, *mail);
            }
            finish_mail(sql, mail->id, "sent");
            ++delivered;
        } catch (const std::exception& error) {
            const bool gave_up = mail->attempts >= settings.max_attempts;
            if (gave_up) finish_mail(sql, mail->id, "failed");
            // The kind of failure only: SMTP replies quote addresses.
            server::log_event("warning", "mail " + mail->id + ": delivery attempt " + std::to_string(mail->attempts) +
                                             " failed (" + failure_kind(error) + ")" + (gave_up ? ", given up" : ", will retry"));
        }
    }
    return delivered;
}

void wipe_old_mail(db::Database& database) { expire_old_mail(database.session()); }

}  // namespace ltc::mail
