#include "mail/outbox.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "crypto/random.hpp"
#include "crypto/sealed_fields.hpp"
#include "db/query.hpp"
#include "http/response.hpp"

namespace ltc::mail {

std::string encode_message(const std::string& subject, const std::string& body) {
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object();
    object->set("subject", subject);
    object->set("body", body);
    return http::to_json(object);
}

void decode_message(const std::string& json, std::string& subject, std::string& body) {
    Poco::JSON::Parser parser;
    const auto object = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    subject = object->getValue<std::string>("subject");
    body = object->getValue<std::string>("body");
}

SealedMail seal(const crypto::KeyRing& keys, const OutboxMessage& message) {
    const std::string id = crypto::random_uuid();
    return SealedMail{id, crypto::seal(keys, crypto::sealed_field::outbox_recipient, id, message.recipient),
                      crypto::seal(keys, crypto::sealed_field::outbox_message, id, encode_message(message.subject, message.body)),
                      keys.version()};
}

void enqueue_sealed(soci::session& sql, const SealedMail& mail) {
    db::query(sql,
              "INSERT INTO mail_outbox (id, recipient_ciphertext, message_ciphertext, key_version)"
              " VALUES ($1::uuid, $2, $3, $4::int)",
              {mail.id, mail.recipient_ciphertext, mail.message_ciphertext, mail.key_version});
}

void enqueue(soci::session& sql, const crypto::KeyRing& keys, const OutboxMessage& message) {
    enqueue_sealed(sql, seal(keys, message));
}

std::optional<ClaimedRow> claim_next_due(soci::session& sql) {
    const auto row = db::query(sql,
                               "UPDATE mail_outbox SET attempts = attempts + 1,"
                               " next_attempt_at = now() + make_interval(secs => 5 * power(2, LEAST(attempts, 7)))"
                               " WHERE id = (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= now()"
                               " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                               " RETURNING id, recipient_ciphertext, message_ciphertext, attempts")
                         .first();
    if (!row) return std::nullopt;
    return ClaimedRow{row->text(0), row->text(1), row->text(2), static_cast<int>(row->integer(3))};
}

void finish_mail(soci::session& sql, const std::string& id, const std::string& status) {
    db::query(sql,
              "UPDATE mail_outbox SET status = $1, finished_at = now(), recipient_ciphertext = NULL,"
              " message_ciphertext = NULL WHERE id = $2::uuid",
              {status, id});
}

void expire_old_mail(soci::session& sql) {
    db::query(sql,
              "UPDATE mail_outbox SET status = CASE WHEN status = 'pending' THEN 'expired' ELSE status END,"
              " finished_at = COALESCE(finished_at, now()), recipient_ciphertext = NULL, message_ciphertext = NULL"
              " WHERE created_at < now() - interval '1 hour' AND (recipient_ciphertext IS NOT NULL OR status = 'pending')");
}

OutboxState outbox_state(soci::session& sql) {
    // Every attempt of a mail that is not (yet) sent failed, except the one of a mail being sent
    // right now; mails older than an hour are expired by the retention job anyway.
    const db::Row row = db::query(sql,
                                  "SELECT count(*) FILTER (WHERE status = 'pending'),"
                                  " COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0)::bigint,"
                                  " COALESCE(sum(attempts - CASE WHEN status = 'sent' THEN 1 ELSE 0 END)"
                                  "   FILTER (WHERE created_at > now() - interval '1 hour'), 0)"
                                  " FROM mail_outbox")[0];
    return OutboxState{row.text(0), row.text(1), row.text(2)};
}

}  // namespace ltc::mail
