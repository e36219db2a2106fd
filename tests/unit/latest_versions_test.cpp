#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "entries/latest_versions.hpp"

using ltc::entries::latest_live_versions;
using ltc::entries::StoredVersion;

namespace {
StoredVersion stored(const std::string& entry_id, int version, const std::string& date, long long created_at_us,
                     bool deleted = false) {
    StoredVersion stored;
    stored.version.entry_id = entry_id;
    stored.version.version = version;
    stored.version.fields.date = date;
    stored.version.deleted = deleted;
    stored.created_at_us = created_at_us;
    return stored;
}

// "id/version" of each version chosen, in the list's order.
std::vector<std::string> listed(std::vector<StoredVersion> versions) {
    std::vector<std::string> result;
    for (const auto& version : latest_live_versions(std::move(versions))) {
        result.push_back(version.entry_id + "/" + std::to_string(version.version));
    }
    return result;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(latest_versions)

BOOST_AUTO_TEST_CASE(each_entry_appears_once_with_its_highest_version_whatever_the_row_order) {
    const auto result = listed({stored("b", 1, "2026-01-01", 10), stored("a", 2, "2026-03-01", 30),
                                stored("b", 3, "2026-01-01", 50), stored("a", 1, "2026-02-01", 20),
                                stored("b", 2, "2026-01-01", 40)});
    BOOST_TEST(result == (std::vector<std::string>{"a/2", "b/3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_entry_whose_latest_version_is_a_deletion_is_left_out_with_its_older_versions) {
    const auto result = listed({stored("a", 1, "2026-01-01", 10), stored("a", 2, "2026-01-01", 20, true),
                                stored("b", 1, "2025-01-01", 5, true), stored("b", 2, "2025-01-01", 6)});
    BOOST_TEST(result == (std::vector<std::string>{"b/2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(newest_date_first_then_the_newest_change_then_the_id) {
    const auto result = listed({stored("c", 1, "2026-05-01", 100), stored("a", 1, "2026-05-01", 100),
                                stored("d", 1, "2026-05-01", 101), stored("b", 1, "2026-06-01", 1),
                                stored("e", 1, "2025-12-31", 999)});
    BOOST_TEST(result == (std::vector<std::string>{"b/1", "d/1", "a/1", "c/1", "e/1"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_order_below_the_date_follows_the_microsecond_not_the_second) {
    // Both changed within one second: the later one first, although its id sorts after.
    const auto result = listed({stored("a", 1, "2026-05-01", 1'700'000'000'000'001),
                                stored("b", 1, "2026-05-01", 1'700'000'000'000'002)});
    BOOST_TEST(result == (std::vector<std::string>{"b/1", "a/1"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_versions_no_entries) { BOOST_TEST(latest_live_versions({}).empty()); }

BOOST_AUTO_TEST_SUITE_END()
