// Issue 9, defect 11: ciphertexts are bound to their row. Two users' sealed addresses swapped
// in the database (as someone with write access to the table could) are detected — the request
// fails — instead of showing one user the other's address.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {
void swap_email_ciphertexts(const std::string& first, const std::string& second) {
    query_as_owner("UPDATE users AS u SET email_ciphertext = o.email_ciphertext FROM users AS o"
                   " WHERE (u.id = '" + first + "' AND o.id = '" + second + "') OR (u.id = '" + second +
                   "' AND o.id = '" + first + "') RETURNING u.id");
}

std::string masked_email(Member& member) {
    const Reply me = member.send("GET", "/api/auth/me");
    BOOST_REQUIRE_MESSAGE(me.status == 200, me.body);
    return me.json()->getObject("user")->getValue<std::string>("email_masked");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(sealed_rows)

BOOST_AUTO_TEST_CASE(swapped_ciphertexts_of_two_users_do_not_open) {
    Member first("sealed-first");
    Member second("sealed-second");
    const std::string second_masked = masked_email(second);

    swap_email_ciphertexts(first.session.user_id, second.session.user_id);
    const Reply me = first.send("GET", "/api/auth/me");
    BOOST_TEST(me.status == 500);
    BOOST_TEST(me.error_code() == "internal_error");
    BOOST_TEST(me.body.find(second_masked) == std::string::npos);

    swap_email_ciphertexts(first.session.user_id, second.session.user_id);
    BOOST_TEST(masked_email(second) == second_masked);
    BOOST_TEST(first.send("GET", "/api/auth/me").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
