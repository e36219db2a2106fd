#include "db/query.hpp"

#include <poll.h>
#include <sys/socket.h>

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

void send(PGconn* connection, const std::string& statement, const std::vector<Param>& params) {
    const auto values = values_of(params);
    if (PQsendQueryParams(connection, statement.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                          nullptr, 0) == 0) {
        abandon(connection, PQerrorMessage(connection));
    }
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
}  // namespace

Result query(PGconn* connection, const std::string& statement, const std::vector<Param>& params) {
    const auto until = std::chrono::steady_clock::now() + query_deadline();
    start(connection);
    send(connection, statement, params);
    Result result(next_result(connection, until));
    PQsetnonblocking(connection, 0);
    if (auto failure = failure_of(connection, result.raw())) throw *failure;
    return result;
}

Result query(soci::session& sql, const Statement& statement) {
    return query(connection_of(sql), statement.sql, statement.params);
}

std::vector<Result> query_all(soci::session& sql, const std::vector<Statement>& statements) {
    return query_all(connection_of(sql), statements);
}

std::vector<Result> query_all(PGconn* connection, const std::vector<Statement>& statements) {
    if (statements.empty()) return {};
    if (statements.size() == 1) return {query(connection, statements.front().sql, statements.front().params)};
    const auto until = std::chrono::steady_clock::now() + query_deadline();
    start(connection);
    if (PQenterPipelineMode(connection) == 0) abandon(connection, "cannot enter pipeline mode");
    for (const auto& statement : statements) send(connection, statement.sql, statement.params);
    if (PQpipelineSync(connection) == 0) abandon(connection, "cannot send the pipeline's sync");

    std::vector<Result> results;
    results.reserve(statements.size());
    std::optional<QueryError> first_failure;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        results.emplace_back(next_result(connection, until));
        if (!first_failure) first_failure = failure_of(connection, results.back().raw());
    }
    // The sync's own result ends the pipeline.
    wait_for_result(connection, until);
    PQclear(PQgetResult(connection));
    if (PQexitPipelineMode(connection) == 0) abandon(connection, "cannot leave pipeline mode");
    PQsetnonblocking(connection, 0);
    if (first_failure) throw *first_failure;
    return results;
}

}  // namespace ltc::db
