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

}  // namespace ltc::mail
