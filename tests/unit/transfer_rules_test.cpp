// The pure parts of ownership transfers: the code and what a transfer's state allows.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <optional>
#include <regex>
#include <set>
#include <string>

#include "config/auth_settings.hpp"
#include "crypto/hkdf.hpp"
#include "transfers/transfer_code.hpp"
#include "transfers/transfer_rules.hpp"

using namespace ltc::transfers;

BOOST_AUTO_TEST_SUITE(transfer_code)

BOOST_AUTO_TEST_CASE(codes_have_140_bits_of_crockford_base32_and_differ) {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string code = new_transfer_code();
        BOOST_TEST(code.size() == 28u);  // 28 × 5 bits = 140 ≥ 128
        BOOST_TEST(std::regex_match(code, std::regex("[0-9A-HJKMNP-TV-Z]+")));
        seen.insert(code);
    }
    BOOST_TEST(seen.size() == 200u);
}

BOOST_AUTO_TEST_CASE(grouping_for_reading_aloud) {
    BOOST_TEST(group_code("ABCDEFGH") == "ABCD-EFGH");
    BOOST_TEST(group_code("ABCDEFGHJ") == "ABCD-EFGH-J");
    BOOST_TEST(group_code("") == "");
}

BOOST_AUTO_TEST_CASE(normalizing_what_people_type) {
    BOOST_TEST(normalize_code("abcd-efgh") == "ABCDEFGH");
    BOOST_TEST(normalize_code(" ab cd\tef ") == "ABCDEF");
    BOOST_TEST(normalize_code("O0-Il1") == "00111");
    // Anything else stays as typed: it matches no code, and nothing about the format is told.
    BOOST_TEST(normalize_code("ä!") == "ä!");
    const std::string code = new_transfer_code();
    BOOST_TEST(normalize_code(group_code(code)) == code);
}

BOOST_AUTO_TEST_CASE(the_hmac_depends_on_the_secret_and_the_code) {
    const ltc::crypto::KeyRing one("0123456789abcdef0123456789abcdef");
    const ltc::crypto::KeyRing two("fedcba9876543210fedcba9876543210");
    BOOST_TEST(code_hmac(one, "ABC").size() == 64u);
    BOOST_TEST(code_hmac(one, "ABC") == code_hmac(one, "ABC"));
    BOOST_TEST(code_hmac(one, "ABC") != code_hmac(one, "ABD"));
    BOOST_TEST(code_hmac(one, "ABC") != code_hmac(two, "ABC"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(transfer_rules)

namespace {
const TransferState open{"open", false, false};
const Redeemer buyer{"buyer", "user", 0};
}  // namespace

BOOST_AUTO_TEST_CASE(shown_status_reads_expiry) {
    BOOST_TEST(shown_status(open) == "open");
    BOOST_TEST(shown_status({"open", true, false}) == "expired");
    BOOST_TEST(shown_status({"cancelled", true, false}) == "cancelled");
}

BOOST_AUTO_TEST_CASE(extend_once_while_open) {
    BOOST_TEST(!extend_refusal(open).has_value());
    BOOST_TEST((extend_refusal({"open", false, true}) == Refusal::already_extended));
    BOOST_TEST((extend_refusal({"open", true, false}) == Refusal::expired));
    BOOST_TEST((extend_refusal({"redeemed", false, false}) == Refusal::not_open));
    BOOST_TEST((extend_refusal({"cancelled", true, true}) == Refusal::not_open));
}

BOOST_AUTO_TEST_CASE(redeem_checks_in_order) {
    BOOST_TEST(!redeem_refusal(open, "seller", buyer).has_value());
    // Used or cancelled before expired, expired before the redeemer's own checks.
    BOOST_TEST((redeem_refusal({"cancelled", true, false}, "buyer", buyer) == Refusal::not_open));
    BOOST_TEST((redeem_refusal({"open", true, false}, "buyer", buyer) == Refusal::expired));
    BOOST_TEST((redeem_refusal(open, "buyer", Redeemer{"buyer", "user", 1}) == Refusal::own_vehicle));
    BOOST_TEST((redeem_refusal(open, "seller", Redeemer{"buyer", "user", 1}) == Refusal::vehicle_limit));
    // The free tier binds `user` only.
    for (const char* role : {"vip", "dealer", "admin", "superadmin"}) {
        BOOST_TEST(!redeem_refusal(open, "seller", Redeemer{"buyer", role, 5}).has_value());
    }
}

BOOST_AUTO_TEST_CASE(settings_default_to_14_days_and_24_hours) {
    const auto none = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
    const auto settings = ltc::config::load_auth_settings(none);
    BOOST_TEST(settings.transfer_ttl_seconds == 14L * 86400);
    BOOST_TEST(settings.export_ttl_seconds == 86400L);
    const auto two = [](const std::string& name) -> std::optional<std::string> {
        if (name == "LTC_TRANSFER_TTL_SECONDS" || name == "LTC_EXPORT_TTL_SECONDS") return "2";
        return std::nullopt;
    };
    BOOST_TEST(ltc::config::load_auth_settings(two).transfer_ttl_seconds == 2);
    BOOST_TEST(ltc::config::load_auth_settings(two).export_ttl_seconds == 2);
}

BOOST_AUTO_TEST_SUITE_END()
