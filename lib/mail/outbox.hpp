#pragma once
// Mail is written to the outbox in the caller's transaction; `ltc mailer` delivers it.
// Recipient and message are stored encrypted (outbox-enc key) and wiped after delivery.
#include <string>

#include <soci/soci.h>

#include "crypto/hkdf.hpp"

namespace ltc::mail {

struct OutboxMessage {
    std::string recipient;
    std::string subject;
    std::string body;
};

// A message sealed for the outbox row `id` (recipient and content encrypted under the current key).
struct SealedMail {
    std::string id;
    std::string recipient_ciphertext;
    std::string message_ciphertext;
    int key_version = 0;
};

SealedMail seal(const crypto::KeyRing& keys, const OutboxMessage& message);
void enqueue_sealed(soci::session& sql, const SealedMail& mail);
void enqueue(soci::session& sql, const crypto::KeyRing& keys, const OutboxMessage& message);

// {"subject","body"} ⇄ JSON text, the plaintext of message_ciphertext.
std::string encode_message(const std::string& subject, const std::string& body);
void decode_message(const std::string& json, std::string& subject, std::string& body);

}  // namespace ltc::mail
