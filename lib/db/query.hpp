#pragma once
// Every SQL statement of the application goes through here: libpq's extended protocol, one
// round trip per statement (or per batch, in pipeline mode), nothing deallocated per request.
// A statement is prepared once per connection and then run by name (db/kept_statements.hpp:
// planned once; a pooler in transaction mode is noticed and the batch retried unnamed; inside a
// transaction only a connection proven direct names its statements); unnamed ones go as
// PQsendQueryParams: Parse/Bind/Execute/Sync.
// Parameters are $1, $2, … and travel as text (or NULL); the SQL casts them.
// Every wait on the server has a deadline: a frozen server fails the query within it.
#include <chrono>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <libpq-fe.h>
#include <soci/soci.h>

namespace ltc::db {

// A statement the server refused (constraint, syntax, …) or a connection that failed; the
// SQLSTATE says which (class 08 and the deadline's "08LT": the connection is gone).
class QueryError : public std::runtime_error {
public:
    QueryError(std::string sqlstate, const std::string& message);
    const std::string& sqlstate() const { return sqlstate_; }

private:
    std::string sqlstate_;
};

// The SQLSTATE of a statement that passed its deadline (the server did not answer in time).
inline const std::string deadline_sqlstate = "08LT";

// One bound value: text, or NULL.
class Param {
public:
    Param() = default;  // NULL
    Param(std::nullopt_t) {}
    Param(std::string value) : value_(std::move(value)) {}
    Param(const char* value) : value_(std::string(value)) {}
    Param(const std::optional<std::string>& value) : value_(value) {}
    Param(const std::optional<int>& value);
    Param(const std::optional<long long>& value);
    Param(int value) : value_(std::to_string(value)) {}
    Param(long value) : value_(std::to_string(value)) {}
    Param(long long value) : value_(std::to_string(value)) {}
    Param(bool value) : value_(value ? "true" : "false") {}
    const std::optional<std::string>& value() const { return value_; }

private:
    std::optional<std::string> value_;
};

// One row of a result; columns by position. Booleans arrive as 't'/'f'. A row keeps its result
// alive, so `query(…).first()` is safe to hold.
class Row {
public:
    Row(std::shared_ptr<const PGresult> result, int row) : result_(std::move(result)), row_(row) {}
    bool is_null(std::size_t column) const;
    std::optional<std::string> optional_text(std::size_t column) const;
    std::optional<long long> optional_integer(std::size_t column) const;
    std::optional<bool> optional_flag(std::size_t column) const;
    std::string text(std::size_t column) const;       // NULL → ""
    long long integer(std::size_t column) const;      // NULL → 0
    bool flag(std::size_t column) const;              // NULL → false

private:
    std::shared_ptr<const PGresult> result_;
    int row_;
};

class Result {
public:
    explicit Result(PGresult* result) : result_(result, &PQclear) {}
    std::size_t size() const { return static_cast<std::size_t>(PQntuples(result_.get())); }
    bool empty() const { return size() == 0; }
    Row operator[](std::size_t row) const { return Row(result_, static_cast<int>(row)); }
    std::optional<Row> first() const;
    // Rows changed by an INSERT/UPDATE/DELETE.
    long long affected() const;
    const PGresult* raw() const { return result_.get(); }

    class iterator {
    public:
        iterator(const Result& result, int row) : result_(result), row_(row) {}
        Row operator*() const { return result_[static_cast<std::size_t>(row_)]; }
        iterator& operator++() { ++row_; return *this; }
        bool operator!=(const iterator& other) const { return row_ != other.row_; }

    private:
        const Result& result_;
        int row_;
    };
    iterator begin() const { return iterator(*this, 0); }
    iterator end() const { return iterator(*this, static_cast<int>(size())); }

private:
    std::shared_ptr<PGresult> result_;
};

// A statement with its parameters, for query_all.
struct Statement {
    std::string sql;
    std::vector<Param> params;
};

// A read a route sends along with the caller lookup (auth::apply_access), found by its name.
struct NamedStatement {
    std::string name;
    Statement statement;
};

// How long one statement may wait on the server (set once per process; default 2 s).
void set_query_deadline(std::chrono::milliseconds deadline);
std::chrono::milliseconds query_deadline();

// The libpq connection under a SOCI session.
PGconn* connection_of(soci::session& sql);

// Runs one statement in one round trip; throws QueryError.
Result query(soci::session& sql, const std::string& statement, std::initializer_list<Param> params = {});
Result query(soci::session& sql, const std::string& statement, const std::vector<Param>& params);
Result query(PGconn* connection, const std::string& statement, const std::vector<Param>& params);
Result query(soci::session& sql, const Statement& statement);

// Runs the statements in one round trip (libpq's pipeline mode: all sent, then one Sync), so
// they form one implicit transaction (each statement still takes its own snapshot, as in READ
// COMMITTED); the results come in their order.
// If one fails, the ones after it do not run and its QueryError is thrown. Deadline as above.
std::vector<Result> query_all(soci::session& sql, const std::vector<Statement>& statements);
std::vector<Result> query_all(PGconn* connection, const std::vector<Statement>& statements);

// For a statement whose answer nobody reads: inside a transaction it travels with the
// transaction's next round trip, COMMIT's at the latest, and a failure shows there
// (db/held_statements.hpp); outside one it runs now.
void execute_later(soci::session& sql, Statement statement);

// Sends what the connection holds now, for statements that do not go through db::query (SOCI's
// own, in `ltc rotate-secret`): they would otherwise run ahead of the transaction's BEGIN.
void send_held(soci::session& sql);

}  // namespace ltc::db
