#include "db/query.hpp"

#include "db/held_statements.hpp"
#include "db/kept_statements.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include <soci/postgresql/soci-postgresql.h>

namespace ltc::db {

namespace {
std::atomic<long long> deadline_ms{2000};

// The deadline passed or the socket failed: make the connection unusable at once (a later
// ROLLBACK must not wait on a frozen server either) and report it as lost.
[[noreturn]] void abandon(PGconn* connection, const std::string& why) {
    ::shutdown(PQsocket(connection), SHUT_RDWR);
    throw QueryError(deadline_sqlstate, why);
}

void wait_for_result(PGconn* connection, std::chrono::steady_clock::time_point until) {
    // Reads only when poll says there is something to read: a result already received (the
    // pipeline's later ones) costs no system call, and no read is tried in vain.
    while (true) {
        const int flushed = PQflush(connection);
        if (flushed < 0) abandon(connection, "send failed");
        if (flushed == 0 && PQisBusy(connection) == 0) return;
        const auto remaining =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
        if (remaining <= 0) abandon(connection, "query deadline passed");
        pollfd descriptor{PQsocket(connection), static_cast<short>(POLLIN | (flushed == 1 ? POLLOUT : 0)), 0};
        const int ready = ::poll(&descriptor, 1, static_cast<int>(remaining));
        if (ready < 0) abandon(connection, "poll failed");
        if (ready > 0 && (descriptor.revents & (POLLIN | POLLERR | POLLHUP)) != 0 && PQconsumeInput(connection) == 0) {
            abandon(connection, "receive failed");
        }
    }
}
}  // namespace

QueryError::QueryError(std::string sqlstate, const std::string& message)
    : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}

Param::Param(const std::optional<int>& value) {
    if (value) value_ = std::to_string(*value);
}

Param::Param(const std::optional<long long>& value) {
    if (value) value_ = std::to_string(*value);
}

bool Row::is_null(std::size_t column) const { return PQgetisnull(result_.get(), row_, static_cast<int>(column)) != 0; }

std::optional<std::string> Row::optional_text(std::size_t column) const {
    if (is_null(column)) return std::nullopt;
    const int index = static_cast<int>(column);
    return std::string(PQgetvalue(result_.get(), row_, index), static_cast<std::size_t>(PQgetlength(result_.get(), row_, index)));
}

std::optional<long long> Row::optional_integer(std::size_t column) const {
    if (is_null(column)) return std::nullopt;
    return std::strtoll(PQgetvalue(result_.get(), row_, static_cast<int>(column)), nullptr, 10);
}

std::optional<bool> Row::optional_flag(std::size_t column) const {
    if (is_null(column)) return std::nullopt;
    return PQgetvalue(result_.get(), row_, static_cast<int>(column))[0] == 't';
}

std::string Row::text(std::size_t column) const { return optional_text(column).value_or(""); }

long long Row::integer(std::size_t column) const { return optional_integer(column).value_or(0); }

bool Row::flag(std::size_t column) const { return optional_flag(column).value_or(false); }

std::optional<Row> Result::first() const {
    if (empty()) return std::nullopt;
    return (*this)[0];
}

long long Result::affected() const {
    const char* count = PQcmdTuples(result_.get());
    return count[0] == '\0' ? 0 : std::strtoll(count, nullptr, 10);
}

void set_query_deadline(std::chrono::milliseconds deadline) { deadline_ms = deadline.count(); }

std::chrono::milliseconds query_deadline() { return std::chrono::milliseconds(deadline_ms.load()); }

PGconn* connection_of(soci::session& sql) {
    return static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
}

Result query(soci::session& sql, const std::string& statement, std::initializer_list<Param> params) {
    return query(connection_of(sql), statement, std::vector<Param>(params));
}

Result query(soci::session& sql, const std::string& statement, const std::vector<Param>& params) {
    return query(connection_of(sql), statement, params);
}

namespace {
std::vector<const char*> values_of(const std::vector<Param>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& param : params) values.push_back(param.value() ? param.value()->c_str() : nullptr);
    return values;
}

void send(PGconn* connection, const Statement& statement, const StatementUse& use) {
    const int count = static_cast<int>(statement.params.size());
    if (use.prepare && PQsendPrepare(connection, use.name.c_str(), statement.sql.c_str(), count, nullptr) == 0) {
        abandon(connection, PQerrorMessage(connection));
    }
    const auto values = values_of(statement.params);
    const int sent = use.name.empty() ? PQsendQueryParams(connection, statement.sql.c_str(), count, nullptr, values.data(),
                                                          nullptr, nullptr, 0)
                                      : PQsendQueryPrepared(connection, use.name.c_str(), count, values.data(), nullptr,
                                                            nullptr, 0);
    if (sent == 0) abandon(connection, PQerrorMessage(connection));
}

void start(PGconn* connection) {
    if (PQstatus(connection) != CONNECTION_OK) throw QueryError("08003", "connection is not open");
    if (PQsetnonblocking(connection, 1) != 0) abandon(connection, "cannot switch to non-blocking");
}

// The statement's one result, read on until libpq reports its end (a null result).
PGresult* next_result(PGconn* connection, std::chrono::steady_clock::time_point until) {
    PGresult* kept = nullptr;
    wait_for_result(connection, until);
    while (PGresult* result = PQgetResult(connection)) {
        if (kept == nullptr) {
            kept = result;
        } else {
            PQclear(result);
        }
        wait_for_result(connection, until);
    }
    return kept;
}

// The QueryError of a failed statement, or nullopt when it succeeded.
std::optional<QueryError> failure_of(PGconn* connection, const PGresult* result) {
    const auto status = PQresultStatus(result);
    if (result != nullptr && (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)) return std::nullopt;
    const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
    if (PQstatus(connection) != CONNECTION_OK) return QueryError("08006", message);
    return QueryError(sqlstate ? sqlstate : "XX000", message);
}

// A batch's results and its first failure (not yet thrown: a failure of the names is retried).
struct BatchOutcome {
    std::vector<Result> results;
    std::optional<QueryError> failure;
};

// Sends the statements — one alone as it is, several (or any to be prepared first) in pipeline
// mode with one Sync — and reads every result within one deadline.
BatchOutcome send_batch(PGconn* connection, const std::vector<Statement>& statements, const std::vector<StatementUse>& uses) {
    const auto until = std::chrono::steady_clock::now() + query_deadline();
    start(connection);
    const bool pipeline = statements.size() > 1 || std::any_of(uses.begin(), uses.end(), [](const auto& use) { return use.prepare; });
    if (pipeline && PQenterPipelineMode(connection) == 0) abandon(connection, "cannot enter pipeline mode");
    for (std::size_t i = 0; i < statements.size(); ++i) send(connection, statements[i], uses[i]);
    if (pipeline && PQpipelineSync(connection) == 0) abandon(connection, "cannot send the pipeline's sync");

    BatchOutcome outcome;
    outcome.results.reserve(statements.size());
    const auto note = [&](std::optional<QueryError> failure) {
        if (!outcome.failure) outcome.failure = std::move(failure);
    };
    for (std::size_t i = 0; i < statements.size(); ++i) {
        if (uses[i].prepare) {
            const Result prepared(next_result(connection, until));
            auto failure = failure_of(connection, prepared.raw());
            if (!failure) mark_prepared(connection, uses[i].name);
            note(std::move(failure));
        }
        outcome.results.emplace_back(next_result(connection, until));
        note(failure_of(connection, outcome.results.back().raw()));
    }
    if (pipeline) {
        // The sync's own result ends the pipeline.
        wait_for_result(connection, until);
        PQclear(PQgetResult(connection));
        if (PQexitPipelineMode(connection) == 0) abandon(connection, "cannot leave pipeline mode");
    }
    PQsetnonblocking(connection, 0);
    return outcome;
}

std::vector<StatementUse> unnamed(std::size_t count) { return std::vector<StatementUse>(count); }

Result run_unnamed(PGconn* connection, const std::string& sql) {
    auto outcome = send_batch(connection, {{sql, {}}}, unnamed(1));
    if (outcome.failure) throw *outcome.failure;
    return std::move(outcome.results.front());
}

// What a connection needs before its statements can be planned: the server's prepared
// statements cleared after a failure inside a transaction, and once, the proof of a direct
// connection (db/kept_statements.hpp).
void settle_connection(PGconn* connection, bool in_transaction) {
    const ConnectionChores chores = take_connection_chores(connection, in_transaction);
    if (chores.deallocate_all) run_unnamed(connection, "DEALLOCATE ALL");
    if (chores.prove_route) {
        const auto server_pid = run_unnamed(connection, "SELECT pg_backend_pid()").first()->integer(0);
        record_server_pid(connection, static_cast<int>(server_pid));
    }
}

std::vector<Result> run_batch(PGconn* connection, const std::vector<Statement>& statements, bool in_transaction) {
    settle_connection(connection, in_transaction);
    const auto uses = plan_statement_uses(connection, statements, in_transaction);
    auto outcome = send_batch(connection, statements, uses);
    const bool named = std::any_of(uses.begin(), uses.end(), [](const auto& use) { return !use.name.empty(); });
    if (outcome.failure && named) {
        // Outside a transaction the failed batch changed nothing: run it again unnamed.
        switch (recover_kept_statements(connection, outcome.failure->sqlstate(), in_transaction)) {
        case KeptRecovery::none:
            break;
        case KeptRecovery::retry_after_forget:
            run_unnamed(connection, "DEALLOCATE ALL");
            [[fallthrough]];
        case KeptRecovery::retry:
            outcome = send_batch(connection, statements, unnamed(statements.size()));
            break;
        }
    }
    if (outcome.failure) throw *outcome.failure;
    return std::move(outcome.results);
}

// The statements, behind any the connection holds (db/held_statements.hpp); their results only.
std::vector<Result> run(PGconn* connection, const std::vector<Statement>& statements) {
    std::vector<Statement> batch = take_held(connection);
    if (batch.empty()) return run_batch(connection, statements, PQtransactionStatus(connection) != PQTRANS_IDLE);
    const auto held = static_cast<std::ptrdiff_t>(batch.size());
    batch.insert(batch.end(), statements.begin(), statements.end());
    auto results = run_batch(connection, batch, true);  // only a transaction holds statements
    results.erase(results.begin(), results.begin() + held);
    return results;
}
}  // namespace

Result query(PGconn* connection, const std::string& statement, const std::vector<Param>& params) {
    return std::move(run(connection, {{statement, params}}).front());
}

Result query(soci::session& sql, const Statement& statement) {
    return query(connection_of(sql), statement.sql, statement.params);
}

void execute_later(soci::session& sql, Statement statement) {
    PGconn* connection = connection_of(sql);
    if (PQtransactionStatus(connection) == PQTRANS_IDLE && !holds(connection)) {
        run(connection, {std::move(statement)});
        return;
    }
    hold(connection, std::move(statement));
}

void send_held(soci::session& sql) {
    PGconn* connection = connection_of(sql);
    if (holds(connection)) run(connection, {});
}

std::vector<Result> query_all(soci::session& sql, const std::vector<Statement>& statements) {
    return query_all(connection_of(sql), statements);
}

std::vector<Result> query_all(PGconn* connection, const std::vector<Statement>& statements) {
    if (statements.empty()) return {};
    return run(connection, statements);
}

}  // namespace ltc::db
