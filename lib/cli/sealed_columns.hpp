#pragma once
// Every encrypted column of the schema with the field it is sealed as (crypto/sealed_fields.hpp);
// the commands that walk all of them (`ltc verify`, `ltc bind-sealed-rows`) read this list.
#include "crypto/sealed_fields.hpp"

namespace ltc::cli {

struct SealedColumn {
    const char* table;
    const char* column;
    crypto::SealedField field;
};

inline constexpr SealedColumn sealed_columns[] = {
    {"users", "email_ciphertext", crypto::sealed_field::user_email},
    {"users", "totp_secret_ciphertext", crypto::sealed_field::totp_secret},
    {"users", "totp_pending_ciphertext", crypto::sealed_field::totp_secret},
    {"vehicles", "vin_ciphertext", crypto::sealed_field::vin},
    {"auth_challenges", "email_ciphertext", crypto::sealed_field::challenge_email},
    {"mail_outbox", "recipient_ciphertext", crypto::sealed_field::outbox_recipient},
    {"mail_outbox", "message_ciphertext", crypto::sealed_field::outbox_message},
};

}  // namespace ltc::cli
