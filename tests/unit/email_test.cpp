// E-mail normalisation, validation and masking.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "auth/email.hpp"

using namespace ltc::auth;

namespace {
bool valid(std::string_view address) { return !validate_email(address).has_value(); }
std::string error_of(std::string_view address) { return validate_email(address).value_or("none"); }
}  // namespace

BOOST_AUTO_TEST_SUITE(auth_email)

BOOST_AUTO_TEST_CASE(normalize_trims_and_lower_cases) {
    BOOST_TEST(normalize_email("  Max.Mustermann@Beispiel.DE ") == "max.mustermann@beispiel.de");
    BOOST_TEST(normalize_email("\t\r\nuser@example.com\n") == "user@example.com");
    BOOST_TEST(normalize_email("already@normal.de") == "already@normal.de");
    BOOST_TEST(normalize_email("") == "");
    BOOST_TEST(normalize_email("   ") == "");
}

BOOST_AUTO_TEST_CASE(normalize_trims_unicode_whitespace) {
    // U+00A0 no-break space, U+3000 ideographic space, U+2003 em space, U+0085 next line.
    BOOST_TEST(normalize_email("\u00a0\u3000user@example.com\u2003\u0085") == "user@example.com");
    // Whitespace inside is kept (validation refuses it).
    BOOST_TEST(normalize_email(" a b@example.com ") == "a b@example.com");
}

BOOST_AUTO_TEST_CASE(normalize_nfkc) {
    // Fullwidth letters (U+FF4D U+FF41 U+FF58) fold to ASCII.
    BOOST_TEST(normalize_email("\uff4d\uff41\uff58@example.com") == "max@example.com");
    // Fullwidth capitals: NFKC then lower-case.
    BOOST_TEST(normalize_email("\uff2d\uff21\uff38@EXAMPLE.com") == "max@example.com");
    // Decomposed ü (u + U+0308) composes to U+00FC.
    BOOST_TEST(normalize_email("mu\u0308ller@example.de") == "m\u00fcller@example.de");
    // Ligature ﬁ (U+FB01) becomes "fi".
    BOOST_TEST(normalize_email("\ufb01sch@example.de") == "fisch@example.de");
}

BOOST_AUTO_TEST_CASE(normalize_lower_cases_non_ascii) {
    // Capital sharp s (U+1E9E) lower-cases to ß (U+00DF).
    BOOST_TEST(normalize_email("STRA\u1e9eE@example.de") == "stra\u00dfe@example.de");
    BOOST_TEST(normalize_email("\u00dcLRICH@\u00d6RTLICH.DE") == "\u00fclrich@\u00f6rtlich.de");
    // Root locale: dotted capital I is not Turkish-special for plain I.
    BOOST_TEST(normalize_email("INFO@EXAMPLE.COM") == "info@example.com");
}

BOOST_AUTO_TEST_CASE(normalize_is_idempotent) {
    for (const char* input : {"  Max.Mustermann@Beispiel.DE ", "\uff4d\uff41\uff58@example.com",
                              "STRA\u1e9eE@example.de"}) {
        const std::string once = normalize_email(input);
        BOOST_TEST(normalize_email(once) == once);
    }
}

BOOST_AUTO_TEST_CASE(validate_accepts_possible_addresses) {
    BOOST_TEST(valid("max.mustermann@beispiel.de"));
    BOOST_TEST(valid("a@b.c"));
    BOOST_TEST(valid("user+tag@sub.example.co.uk"));
    BOOST_TEST(valid("stra\u00dfe@example.de"));
    BOOST_TEST(valid("\u00fclrich@\u00f6rtlich.de"));
}

BOOST_AUTO_TEST_CASE(validate_refuses_impossible_addresses) {
    BOOST_TEST(error_of("") == "invalid");
    BOOST_TEST(error_of("no-at-sign.example.com") == "invalid");
    BOOST_TEST(error_of("@example.com") == "invalid");
    BOOST_TEST(error_of("user@") == "invalid");
    BOOST_TEST(error_of("user@localhost") == "invalid");
    BOOST_TEST(error_of("us er@example.com") == "invalid");
    BOOST_TEST(error_of("user@exa mple.com") == "invalid");
    BOOST_TEST(error_of("user\t@example.com") == "invalid");
    BOOST_TEST(error_of("user\u00a0x@example.com") == "invalid");
    BOOST_TEST(error_of(std::string("us\0er@example.com", 17)) == "invalid");
    BOOST_TEST(error_of("user\x7f@example.com") == "invalid");
    BOOST_TEST(error_of("user\u0085@example.com") == "invalid");
    BOOST_TEST(error_of("us\xff" "er@example.com") == "invalid");  // malformed UTF-8
}

BOOST_AUTO_TEST_CASE(validate_length_boundary) {
    const std::string domain = "@example.de";  // 11 characters
    const std::string at_limit = std::string(254 - domain.size(), 'a') + domain;
    BOOST_TEST(at_limit.size() == 254u);
    BOOST_TEST(valid(at_limit));
    BOOST_TEST(error_of("a" + at_limit) == "too_long");
    // Characters, not bytes: 243 two-byte letters plus the domain are 254 characters.
    std::string umlauts;
    for (int i = 0; i < 243; ++i) umlauts += "\u00fc";
    BOOST_TEST(valid(umlauts + domain));
    BOOST_TEST(error_of(umlauts + "\u00fc" + domain) == "too_long");
}

BOOST_AUTO_TEST_CASE(mask_as_in_the_api) {
    BOOST_TEST(mask_email("max.mustermann@beispiel.de") == "m***@b***.de");
    BOOST_TEST(mask_email("a@b.c") == "a***@b***.c");
    BOOST_TEST(mask_email("user@mail.example.co.uk") == "u***@m***.uk");
}

BOOST_AUTO_TEST_CASE(mask_uses_code_points) {
    BOOST_TEST(mask_email("\u00fclrich@\u00f6rtlich.de") == "\u00fc***@\u00f6***.de");
    BOOST_TEST(mask_email("\u5f20\u4f1f@\u4f8b\u5b50.\u4e2d\u56fd") ==
               "\u5f20***@\u4f8b***.\u4e2d\u56fd");
    BOOST_TEST(mask_email("\U0001F600x@example.com") == "\U0001F600***@e***.com");
}

BOOST_AUTO_TEST_CASE(mask_degrades_without_leaking) {
    BOOST_TEST(mask_email("") == "***");
    BOOST_TEST(mask_email("nodomain") == "n***");
    BOOST_TEST(mask_email("user@localhost") == "u***@l***");
}

BOOST_AUTO_TEST_SUITE_END()
