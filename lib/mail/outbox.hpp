#pragma once
// Mail is written to the outbox in the caller's transaction; `ltc mailer` delivers it.
// Recipient and message are stored encrypted (outbox-enc key) and wiped after delivery.
#include <string>

#include <soci/soci.h>

#include "auth/login_mail.hpp"
#include "crypto/hkdf.hpp"

namespace ltc::mail {

struct OutboxMessage {
    std::string recipient;
    std::string subject;
    std::string body;
};

void enqueue(soci::session& sql, const crypto::KeyRing& keys, const OutboxMessage& message);

// {"subject","body"} ⇄ JSON text, the plaintext of message_ciphertext.
std::string encode_message(const std::string& subject, const std::string& body);
void decode_message(const std::string& json, std::string& subject, std::string& body);

}  // namespace ltc::mail
