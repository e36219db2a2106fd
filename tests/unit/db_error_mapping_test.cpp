#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>

#include "db/error_mapping.hpp"

using ltc::db::classify_sqlstate;
using ltc::db::constraint_from_message;
using ltc::db::ErrorKind;

namespace {
int kind(const std::string& sqlstate) { return static_cast<int>(classify_sqlstate(sqlstate)); }
constexpr int unique_violation = static_cast<int>(ErrorKind::unique_violation);
constexpr int connection_lost = static_cast<int>(ErrorKind::connection_lost);
constexpr int other = static_cast<int>(ErrorKind::other);
}  // namespace

BOOST_AUTO_TEST_SUITE(db_error_mapping)

BOOST_AUTO_TEST_CASE(classify_sqlstate_unique_violation) {
    BOOST_TEST(kind("23505") == unique_violation);
    BOOST_TEST(kind("23503") == other);  // foreign key violation is not a unique race
    BOOST_TEST(kind("23502") == other);
}

BOOST_AUTO_TEST_CASE(classify_sqlstate_connection_lost) {
    BOOST_TEST(kind("08006") == connection_lost);  // connection_failure
    BOOST_TEST(kind("08003") == connection_lost);  // connection_does_not_exist
    BOOST_TEST(kind("08000") == connection_lost);
    BOOST_TEST(kind("57P01") == connection_lost);  // admin_shutdown
    BOOST_TEST(kind("57P02") == connection_lost);  // crash_shutdown
    BOOST_TEST(kind("57P03") == connection_lost);  // cannot_connect_now
}

BOOST_AUTO_TEST_CASE(classify_sqlstate_other) {
    BOOST_TEST(kind("42P01") == other);  // undefined_table
    BOOST_TEST(kind("57014") == other);  // query_canceled
    BOOST_TEST(kind("40001") == other);
    BOOST_TEST(kind("") == other);
}

BOOST_AUTO_TEST_CASE(constraint_from_message_extracts_the_name) {
    BOOST_TEST(constraint_from_message("ERROR:  duplicate key value violates unique constraint \"vehicles_vin_key\"\n"
                                       "DETAIL:  Key (vin)=(WVWZZZ1JZXW000001) already exists.")
                   .value() == "vehicles_vin_key");
    BOOST_TEST(constraint_from_message("duplicate key value violates unique constraint \"schema_migrations_pkey\"")
                   .value() == "schema_migrations_pkey");
}

BOOST_AUTO_TEST_CASE(constraint_from_message_without_a_name) {
    BOOST_TEST(!constraint_from_message("").has_value());
    BOOST_TEST(!constraint_from_message("ERROR:  relation \"vehicles\" does not exist").has_value());
    BOOST_TEST(!constraint_from_message("violates unique constraint \"unterminated").has_value());
    BOOST_TEST(constraint_from_message("violates unique constraint \"\"").value() == "");
}

BOOST_AUTO_TEST_CASE(conflict_code_for_known_and_unknown_constraints) {
    BOOST_TEST(ltc::db::conflict_code_for_constraint("schema_migrations_pkey").value() == "migration_conflict");
    BOOST_TEST(!ltc::db::conflict_code_for_constraint("no_such_constraint").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
