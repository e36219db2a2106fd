#pragma once
// Mail is written to the outbox in the caller's transaction; `ltc mailer` delivers it.
// Recipient and message are stored encrypted (outbox-enc key) and wiped after delivery.
#include <optional>
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

// A due message taken for one delivery attempt: the attempt is counted and the next one scheduled
// before sending, so a mailer that dies mid-send retries later instead of losing or repeating at once.
struct ClaimedRow {
    std::string id;
    std::string recipient_ciphertext;
    std::string message_ciphertext;
    int attempts = 0;
};
std::optional<ClaimedRow> claim_next_due(soci::session& sql);
// `status` sent | failed; the content is wiped.
void finish_mail(soci::session& sql, const std::string& id, const std::string& status);
// Pending mail older than an hour becomes expired; every finished or old row's content is wiped.
void expire_old_mail(soci::session& sql);

// For /api/metrics (numbers as PostgreSQL prints them).
struct OutboxState {
    std::string pending;
    std::string oldest_pending_age_seconds;  // 0: none pending
    std::string failed_attempts_1h;          // of the mails created in the last hour
};
OutboxState outbox_state(soci::session& sql);

// {"subject","body"} ⇄ JSON text, the plaintext of message_ciphertext.
std::string encode_message(const std::string& subject, const std::string& body);
void decode_message(const std::string& json, std::string& subject, std::string& body);

}  // namespace ltc::mail
