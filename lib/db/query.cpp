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
    while (true) {
        const int flushed = PQflush(connection);
        if (flushed < 0) abandon(connection, "send failed");
        if (PQconsumeInput(connection) == 0) abandon(connection, "receive failed");
        if (flushed == 0 && PQisBusy(connection) == 0) return;
        const auto remaining =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
        if (remaining <= 0) abandon(connection, "query deadline passed");
        pollfd descriptor{PQsocket(connection), static_cast<short>(POLLIN | (flushed == 1 ? POLLOUT : 0)), 0};
        if (::poll(&descriptor, 1, static_cast<int>(remaining)) < 0) abandon(connection, "poll failed");
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

Result query(PGconn* connection, const std::string& statement, const std::vector<Param>& params) {
    const auto until = std::chrono::steady_clock::now() + query_deadline();
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& param : params) values.push_back(param.value() ? param.value()->c_str() : nullptr);

    if (PQstatus(connection) != CONNECTION_OK) throw QueryError("08003", "connection is not open");
    if (PQsetnonblocking(connection, 1) != 0) abandon(connection, "cannot switch to non-blocking");
    if (PQsendQueryParams(connection, statement.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                          nullptr, 0) == 0) {
        abandon(connection, PQerrorMessage(connection));
    }
    wait_for_result(connection, until);

    // One statement gives one result; keep it and read on until libpq reports the end.
    PGresult* kept = nullptr;
    while (PGresult* result = PQgetResult(connection)) {
        if (kept == nullptr) {
            kept = result;
        } else {
            PQclear(result);
        }
        wait_for_result(connection, until);
    }
    PQsetnonblocking(connection, 0);
    Result result(kept);
    const auto status = PQresultStatus(kept);
    if (kept == nullptr || (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)) {
        const char* sqlstate = kept ? PQresultErrorField(kept, PG_DIAG_SQLSTATE) : nullptr;
        std::string message = kept ? PQresultErrorMessage(kept) : PQerrorMessage(connection);
        if (PQstatus(connection) != CONNECTION_OK) throw QueryError("08006", message);
        throw QueryError(sqlstate ? sqlstate : "XX000", message);
    }
    return result;
}

}  // namespace ltc::db
