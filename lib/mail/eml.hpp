#pragma once
// An RFC 5322 message (UTF-8, quoted-printable body, RFC 2047 subject) as .eml text.
#include <string>

namespace ltc::mail {

std::string format_eml(const std::string& from, const std::string& to, const std::string& subject,
                       const std::string& body, const std::string& date_rfc2822, const std::string& message_id);

std::string encode_header_word(const std::string& text);  // =?UTF-8?B?…?= when not plain ASCII

}  // namespace ltc::mail
