#include "db/database.hpp"

#include <poll.h>

#include <soci/postgresql/soci-postgresql.h>

#include "db/held_statements.hpp"
#include "db/query.hpp"

namespace ltc::db {

Database::Database(std::string url, Hooks hooks) : url_(std::move(url)), hooks_(std::move(hooks)) {}

Database::~Database() = default;

namespace {
constexpr std::chrono::milliseconds unresponsive_pause{1000};

enum class ServerState { answers, refuses, silent };

// Opens a connection with libpq's non-blocking API and a deadline of our own, then closes it:
// SOCI opens the session itself and cannot be given a connection, and its blocking connect
// would wait libpq's connect_timeout (2 s at least) on a server that accepts but never answers.
ServerState probe_server(const std::string& url, std::chrono::milliseconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    PGconn* connection = PQconnectStart(url.c_str());
    if (connection == nullptr) return ServerState::refuses;
    ServerState state = ServerState::refuses;
    for (PostgresPollingStatusType polling = PGRES_POLLING_WRITING;;) {
        if (polling == PGRES_POLLING_OK) {
            state = ServerState::answers;
            break;
        }
        if (polling == PGRES_POLLING_FAILED || PQstatus(connection) == CONNECTION_BAD) break;
        const auto remaining =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
        pollfd descriptor{PQsocket(connection), static_cast<short>(polling == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        if (remaining <= 0 || ::poll(&descriptor, 1, static_cast<int>(remaining)) == 0) {
            state = ServerState::silent;
            break;
        }
        polling = PQconnectPoll(connection);
    }
    PQfinish(connection);
    return state;
}

// A server that restarted closed our socket while we were idle; notice that before using the
// session (one non-blocking poll), so a restart costs no failed request. An idle connection
// receives nothing but such a goodbye (a FATAL message, then the end of the stream): whatever
// is readable means it is gone. (Reading the FATAL alone leaves libpq's status OK.)
bool connection_went_away(PGconn* connection) {
    if (PQstatus(connection) != CONNECTION_OK) return true;
    pollfd descriptor{PQsocket(connection), POLLIN, 0};
    return ::poll(&descriptor, 1, 0) != 0;
}
}  // namespace

soci::session& Database::session() {
    if (session_) {
        if (polled_in_request_) return *session_;
        auto* backend = static_cast<soci::postgresql_session_backend*>(session_->get_backend());
        if (!connection_went_away(backend->conn_)) {
            polled_in_request_ = in_requests_;
            return *session_;
        }
        drop();
    }
    if (std::chrono::steady_clock::now() < reconnect_not_before_) throw DatabaseUnavailable();
    switch (probe_server(url_, connect_deadline_)) {
        case ServerState::answers:
            break;
        case ServerState::refuses:
            record_error();
            throw DatabaseUnavailable();
        case ServerState::silent:
            record_error();
            reconnect_not_before_ = std::chrono::steady_clock::now() + unresponsive_pause;
            throw DatabaseUnavailable();
    }
    try {
        auto opened = std::make_unique<soci::session>(soci::postgresql, url_);
        if (ever_connected_ && hooks_.on_reconnect) hooks_.on_reconnect();
        ever_connected_ = true;
        session_ = std::move(opened);
    } catch (const soci::soci_error&) {
        record_error();
        throw DatabaseUnavailable();
    }
    return *session_;
}

PGconn* Database::raw_connection() {
    auto* backend = static_cast<soci::postgresql_session_backend*>(session().get_backend());
    return backend->conn_;
}

void Database::drop() { session_.reset(); }

void Database::drop_unresponsive() {
    drop();
    reconnect_not_before_ = std::chrono::steady_clock::now() + unresponsive_pause;
}

bool Database::connection_alive() const {
    return session_ && PQstatus(connection_of(*session_)) == CONNECTION_OK;
}

void Database::record_error() {
    if (hooks_.on_error) hooks_.on_error();
}

bool Database::ping(std::chrono::milliseconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    const auto fail = [this] {
        record_error();
        drop();
        return false;
    };
    const auto unresponsive = [this] {
        record_error();
        drop_unresponsive();
        return false;
    };
    PGconn* connection = nullptr;
    try {
        connection = raw_connection();
    } catch (const DatabaseUnavailable&) {
        return false;
    }
    if (PQsendQuery(connection, "SELECT 1") == 0) return fail();
    do {
        const auto remaining =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
        if (remaining <= 0) return unresponsive();  // a hung server: give up on this connection
        pollfd descriptor{PQsocket(connection), POLLIN, 0};
        if (::poll(&descriptor, 1, static_cast<int>(remaining)) < 0 || PQconsumeInput(connection) == 0) return fail();
    } while (PQisBusy(connection) != 0);
    bool ok = true;
    while (PGresult* result = PQgetResult(connection)) {
        ok = ok && PQresultStatus(result) == PGRES_TUPLES_OK;
        PQclear(result);
    }
    if (!ok || PQstatus(connection) != CONNECTION_OK) return fail();
    return true;
}

void Database::transaction(const std::function<void(soci::session&)>& work) {
    soci::session& sql = session();
    PGconn* connection = connection_of(sql);
    hold(connection, {"BEGIN", {}});  // travels with the transaction's first statement
    try {
        work(sql);
    } catch (...) {
        drop_held(connection);
        try {
            if (PQtransactionStatus(connection_of(sql)) != PQTRANS_IDLE) query(sql, "ROLLBACK");
        } catch (const QueryError&) {
            // The connection is gone; the server rolls the transaction back itself.
        }
        throw;
    }
    query(sql, "COMMIT");
}

void execute_script(PGconn* connection, const std::string& sql) {
    PGresult* result = PQexec(connection, sql.c_str());
    const auto status = PQresultStatus(result);
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error(message);
}

}  // namespace ltc::db
