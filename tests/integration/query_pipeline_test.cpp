// db::query_all against the test cluster: several statements in one round trip (libpq's
// pipeline mode) come back in order, form one implicit transaction, and a failure in the middle
// is thrown, runs nothing after it and leaves the connection usable. And the kept statements
// (db/kept_statements.hpp): prepared once, inside a transaction only on a direct connection, and
// a connection whose names vanish (a pooler) or whose statement changed its result type still
// gets its answers.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <memory>

#include "db/kept_statements.hpp"
#include "db/query.hpp"
#include "sign_in_helpers.hpp"

using namespace ltc::test;

namespace {
using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
Connection app_connection() { return Connection(connect_as_app(), &PQfinish); }
// Straight to PostgreSQL even when the suite runs behind PgBouncer (scripts/pgbouncer-check.sh),
// where the application role's connections go through it: what a connection keeps prepared is
// only observable on one server connection. (The schema owner's; the application role may not
// even create a temporary table.)
Connection direct_connection() { return Connection(connect_as_owner(), &PQfinish); }

// How many prepared statements of this connection's session have exactly this text.
long long prepared_count(PGconn* connection, const std::string& sql) {
    return ltc::db::query(connection, "SELECT count(*) FROM pg_prepared_statements WHERE statement = $1", {sql})
        .first()
        ->integer(0);
}

// Behind the library's back, as a pooler's other server connection or a migration would.
void run_directly(PGconn* connection, const char* sql) {
    PGresult* result = PQexec(connection, sql);
    BOOST_REQUIRE(PQresultStatus(result) == PGRES_COMMAND_OK);
    PQclear(result);
}
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

BOOST_AUTO_TEST_CASE(a_statement_outside_a_transaction_is_prepared_once_and_then_run_by_name) {
    const Connection connection = direct_connection();
    const std::string doubled = "SELECT $1::int * 2";
    for (int i = 1; i <= 3; ++i) BOOST_TEST(ltc::db::query(connection.get(), doubled, {i}).first()->integer(0) == 2 * i);
    BOOST_TEST(prepared_count(connection.get(), doubled) == 1);
    // The same text twice in one batch is prepared once, and both run.
    const std::string tripled = "SELECT $1::int * 3";
    const auto both = ltc::db::query_all(connection.get(), {{tripled, {1}}, {tripled, {2}}});
    BOOST_TEST(both[1].first()->integer(0) == 6);
    BOOST_TEST(prepared_count(connection.get(), tripled) == 1);
}

BOOST_AUTO_TEST_CASE(a_statement_inside_a_transaction_on_a_direct_connection_is_prepared_once) {
    const Connection connection = direct_connection();
    const std::string inside = "SELECT 'inside ' || $1::text";
    for (const char* value : {"a", "b"}) {
        ltc::db::query(connection.get(), "BEGIN", {});
        BOOST_TEST(ltc::db::query(connection.get(), inside, {value}).first()->text(0) == std::string("inside ") + value);
        ltc::db::query(connection.get(), "COMMIT", {});
    }
    BOOST_TEST(prepared_count(connection.get(), inside) == 1);
}

BOOST_AUTO_TEST_CASE(a_statement_inside_a_transaction_runs_unnamed_where_the_server_is_not_the_one_connected_to) {
    const Connection connection = direct_connection();
    ltc::db::query(connection.get(), "SELECT 1", {});  // the connection has shown its route
    // What a pooler shows: libpq was told a process id the server connection does not have.
    ltc::db::record_server_pid(connection.get(), PQbackendPID(connection.get()) + 1);
    const std::string inside = "SELECT 'pooled ' || $1::text";
    ltc::db::query(connection.get(), "BEGIN", {});
    BOOST_TEST(ltc::db::query(connection.get(), inside, {"a"}).first()->text(0) == "pooled a");
    ltc::db::query(connection.get(), "COMMIT", {});
    BOOST_TEST(prepared_count(connection.get(), inside) == 0);
}

BOOST_AUTO_TEST_CASE(a_transaction_whose_statement_changed_its_result_type_fails_and_the_next_is_answered) {
    const Connection connection = direct_connection();
    run_directly(connection.get(), "CREATE TEMP TABLE kept_in_transaction (a int)");
    run_directly(connection.get(), "INSERT INTO kept_in_transaction VALUES (1)");
    const std::string all = "SELECT * FROM kept_in_transaction";
    ltc::db::query(connection.get(), "BEGIN", {});
    BOOST_TEST(PQnfields(ltc::db::query(connection.get(), all, {}).raw()) == 1);
    ltc::db::query(connection.get(), "COMMIT", {});
    run_directly(connection.get(), "ALTER TABLE kept_in_transaction ADD COLUMN b int DEFAULT 2");
    ltc::db::query(connection.get(), "BEGIN", {});
    try {
        ltc::db::query(connection.get(), all, {});
        BOOST_FAIL("the changed result type was not reported");
    } catch (const ltc::db::QueryError& error) {
        BOOST_TEST(error.sqlstate() == "0A000");
    }
    ltc::db::query(connection.get(), "ROLLBACK", {});
    // The next statement outside the transaction clears the server's names first.
    BOOST_TEST(prepared_count(connection.get(), all) == 0);
    ltc::db::query(connection.get(), "BEGIN", {});
    const auto changed = ltc::db::query(connection.get(), all, {});
    ltc::db::query(connection.get(), "COMMIT", {});
    BOOST_TEST(PQnfields(changed.raw()) == 2);
    BOOST_TEST(prepared_count(connection.get(), all) == 1);
}

BOOST_AUTO_TEST_CASE(a_connection_whose_names_vanish_gets_its_answer_and_runs_unnamed_from_then_on) {
    const Connection connection = direct_connection();
    const std::string plus = "SELECT $1::int + 100";
    BOOST_TEST(ltc::db::query(connection.get(), plus, {1}).first()->integer(0) == 101);
    run_directly(connection.get(), "DEALLOCATE ALL");  // what another server connection looks like
    BOOST_TEST(ltc::db::query_all(connection.get(), {{plus, {2}}, {"SELECT 'danach'", {}}})[0].first()->integer(0) == 102);
    BOOST_TEST(ltc::db::query(connection.get(), plus, {3}).first()->integer(0) == 103);
    BOOST_TEST(prepared_count(connection.get(), plus) == 0);
    BOOST_TEST(ltc::db::query(connection.get(), "SELECT count(*) FROM pg_prepared_statements", {}).first()->integer(0) == 0);
}

BOOST_AUTO_TEST_CASE(a_statement_whose_result_type_changed_is_answered_and_prepared_again) {
    const Connection connection = direct_connection();
    run_directly(connection.get(), "CREATE TEMP TABLE kept_shape (a int)");
    run_directly(connection.get(), "INSERT INTO kept_shape VALUES (1)");
    const std::string all = "SELECT * FROM kept_shape";
    BOOST_TEST(PQnfields(ltc::db::query(connection.get(), all, {}).raw()) == 1);
    run_directly(connection.get(), "ALTER TABLE kept_shape ADD COLUMN b int DEFAULT 2");
    const auto changed = ltc::db::query(connection.get(), all, {});
    BOOST_TEST(PQnfields(changed.raw()) == 2);
    BOOST_TEST(changed.first()->integer(1) == 2);
    ltc::db::query(connection.get(), all, {});
    BOOST_TEST(prepared_count(connection.get(), all) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
