#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "db/migrations.hpp"

using ltc::db::AppliedMigration;
using ltc::db::migration_version;
using ltc::db::MigrationError;
using ltc::db::MigrationFile;
using ltc::db::pending_migrations;

namespace {
MigrationFile file(int version, const std::string& name, const std::string& checksum = "") {
    MigrationFile migration;
    migration.version = version;
    migration.filename = name;
    migration.sql = "-- " + name;
    migration.checksum = checksum.empty() ? "sum-" + name : checksum;
    return migration;
}

std::vector<std::string> names(const std::vector<MigrationFile>& files) {
    std::vector<std::string> result;
    for (const auto& migration : files) result.push_back(migration.filename);
    return result;
}

std::string migration_error(const std::vector<MigrationFile>& files, const std::vector<AppliedMigration>& applied) {
    try {
        pending_migrations(files, applied);
    } catch (const MigrationError& error) {
        return error.what();
    }
    BOOST_ERROR("no MigrationError");
    return {};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(migration_version_of_good_names) {
    BOOST_TEST(migration_version("V001__init.sql").value() == 1);
    BOOST_TEST(migration_version("V012__add_vehicles.sql").value() == 12);
    BOOST_TEST(migration_version("V10__x.sql").value() == 10);
    BOOST_TEST(migration_version("V9__Mixed_Case_09.sql").value() == 9);
    BOOST_TEST(migration_version("V000000__zero.sql").value() == 0);
    BOOST_TEST(migration_version("V999999__max.sql").value() == 999999);
}

BOOST_AUTO_TEST_CASE(migration_version_of_bad_names) {
    for (const char* name : {"", "V001_init.sql", "v001__init.sql", "V__init.sql", "V001__.sql", "V001__init.SQL",
                             "V001__init.sql.bak", "V001__init", "V001__bad-name.sql", "V001__bad name.sql",
                             "V1234567__too_long.sql", "VX01__init.sql", "R001__repeatable.sql", " V001__init.sql",
                             "dir/V001__init.sql", "V-1__neg.sql"}) {
        BOOST_TEST_CONTEXT("'" << name << "'") { BOOST_TEST(!migration_version(name).has_value()); }
    }
}

BOOST_AUTO_TEST_CASE(pending_migrations_are_ordered_numerically) {
    const auto pending = pending_migrations(
        {file(10, "V10__ten.sql"), file(2, "V002__two.sql"), file(9, "V9__nine.sql"), file(1, "V001__one.sql")}, {});
    BOOST_TEST((names(pending) ==
                std::vector<std::string>{"V001__one.sql", "V002__two.sql", "V9__nine.sql", "V10__ten.sql"}));
    BOOST_TEST(pending[3].version == 10);
    BOOST_TEST(pending[3].sql == "-- V10__ten.sql");
}

BOOST_AUTO_TEST_CASE(applied_migrations_are_skipped) {
    const std::vector<MigrationFile> files = {file(3, "V003__c.sql"), file(1, "V001__a.sql"), file(2, "V002__b.sql")};
    const auto pending = pending_migrations(files, {{1, "sum-V001__a.sql"}, {2, "sum-V002__b.sql"}});
    BOOST_TEST((names(pending) == std::vector<std::string>{"V003__c.sql"}));

    BOOST_TEST(pending_migrations(files, {{1, "sum-V001__a.sql"}, {2, "sum-V002__b.sql"}, {3, "sum-V003__c.sql"}})
                   .empty());
    BOOST_TEST(pending_migrations({}, {}).empty());
}

BOOST_AUTO_TEST_CASE(a_gap_filled_later_is_still_applied) {
    // V002 landed after V003 had been applied somewhere: it is pending, the others are not.
    const auto pending = pending_migrations({file(1, "V001__a.sql"), file(2, "V002__b.sql"), file(3, "V003__c.sql")},
                                            {{1, "sum-V001__a.sql"}, {3, "sum-V003__c.sql"}});
    BOOST_TEST((names(pending) == std::vector<std::string>{"V002__b.sql"}));
}

BOOST_AUTO_TEST_CASE(changed_checksum_is_an_error) {
    const std::string message =
        migration_error({file(1, "V001__a.sql"), file(2, "V002__b.sql")}, {{1, "sum-V001__a.sql"}, {2, "old-sum"}});
    BOOST_TEST(message.find("V002__b.sql") != std::string::npos);
    BOOST_TEST(message.find("changed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(applied_file_missing_is_an_error) {
    const std::string message = migration_error({file(2, "V002__b.sql")}, {{1, "sum-V001__a.sql"}});
    BOOST_TEST(message == "applied migration 1 has no file any more");
}

BOOST_AUTO_TEST_CASE(duplicate_version_is_an_error) {
    const std::string message = migration_error({file(1, "V001__a.sql"), file(1, "V1__a_again.sql")}, {});
    BOOST_TEST(message.find("share version 1") != std::string::npos);
    BOOST_TEST(message.find("V001__a.sql") != std::string::npos);
    BOOST_TEST(message.find("V1__a_again.sql") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
