// Reading sign-in codes from the local mail folder: without LTC_SMTP_URL, `ltc mailer` writes
// every message as `<timestamp>-<outbox id>.eml` (quoted-printable body) into the mail folder.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace ltc::browser {

// LTC_MAIL_DIR if set, else $LTC_VAR_DIR/mail (LTC_VAR_DIR defaults to var/test, the folder of
// `make test`'s stack) — the same rule as `ltc mailer`.
std::string mailDir();

// Quoted-printable (RFC 2045) decoding: soft line breaks ("=" at a line end) are joined and
// "=XX" becomes the byte; anything malformed is kept as it is.
std::string decodeQuotedPrintable(const std::string& text);

// The code of the newest .eml in `dir` whose To: header is `address` (compared without regard to
// ASCII case), taken from its line "Dein Login-Code: NNNNNN"; nullopt when there is none yet.
// The newest is the one with the greatest file name (the names start with the delivery time).
std::optional<std::string> latestLoginCode(const std::string& dir, const std::string& address);

// Polls latestLoginCode(mailDir(), address) until it finds a code other than `previous` (the
// code of an earlier sign-in of the same address) or `timeout` passes.
std::optional<std::string> waitForLoginCode(const std::string& address,
                                            std::chrono::milliseconds timeout = std::chrono::seconds(10),
                                            const std::optional<std::string>& previous = std::nullopt);

} // namespace ltc::browser
