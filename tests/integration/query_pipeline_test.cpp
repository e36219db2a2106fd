// db::query_all against the test cluster: several statements in one round trip (libpq's
// pipeline mode) come back in order, form one implicit transaction, and a failure in the middle
// is thrown, runs nothing after it and leaves the connection usable.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <memory>

#include "db/query.hpp"
#include "sign_in_helpers.hpp"

using namespace ltc::test;

namespace {
using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
Connection app_connection() { return Connection(connect_as_app(), &PQfinish); }
}  // namespace

BOOST_AUTO_TEST_SUITE(query_pipeline)

BOOST_AUTO_TEST_CASE(the_results_come_back_in_the_order_of_the_statements) {
    const Connection connection = app_connection();
    const auto results = ltc::db::query_all(connection.get(), {{"SELECT $1::int + 1", {41}},
                                                               {"SELECT 'zwei'", {}},
                                                               {"SELECT generate_series(1, $1::int)", {3}}});
    BOOST_REQUIRE(results.size() == 3u);
    BOOST_TEST(results[0].first()->integer(0) == 42);
    BOOST_TEST(results[1].first()->text(0) == "zwei");
    BOOST_TEST(results[2].size() == 3u);
    BOOST_TEST(results[2][2].integer(0) == 3);
}

BOOST_AUTO_TEST_CASE(the_statements_form_one_transaction) {
    const Connection connection = app_connection();
    const auto together = ltc::db::query_all(connection.get(), {{"SELECT txid_current()", {}}, {"SELECT txid_current()", {}}});
    BOOST_TEST(together[0].first()->integer(0) == together[1].first()->integer(0));
    const auto apart = ltc::db::query(connection.get(), "SELECT txid_current()", {});
    BOOST_TEST(apart.first()->integer(0) != together[0].first()->integer(0));
}

BOOST_AUTO_TEST_CASE(a_failure_is_thrown_undoes_the_batch_and_leaves_the_connection_usable) {
    const Connection connection = app_connection();
    try {
        ltc::db::query_all(connection.get(), {{"SELECT set_config('ltc.pipeline_test', 'before', false)", {}},
                                              {"SELECT 1 / $1::int", {0}},
                                              {"SELECT set_config('ltc.pipeline_test', 'after', false)", {}}});
        BOOST_FAIL("division by zero was not reported");
    } catch (const ltc::db::QueryError& error) {
        BOOST_TEST(error.sqlstate() == "22012");
    }
    // Neither the statement before the failure (rolled back with it) nor the one after it counts.
    const auto setting = ltc::db::query(connection.get(), "SELECT current_setting('ltc.pipeline_test', true)", {});
    BOOST_TEST(setting.first()->text(0) == "");
    BOOST_TEST(PQpipelineStatus(connection.get()) == PQ_PIPELINE_OFF);
    BOOST_TEST(ltc::db::query_all(connection.get(), {{"SELECT 7", {}}, {"SELECT 8", {}}})[1].first()->integer(0) == 8);
}

BOOST_AUTO_TEST_SUITE_END()
