#pragma once
// One PostgreSQL session per worker process: opened lazily, dropped after a connection error
// and reopened by a later request. The worker never exits because of the database.
#include <chrono>
#include <functional>
#include <utility>
#include <memory>
#include <stdexcept>
#include <string>

#include <libpq-fe.h>
#include <soci/soci.h>

namespace ltc::db {

// The database cannot be reached now; the request answers 503 and a later one reconnects.
class DatabaseUnavailable : public std::runtime_error {
public:
    DatabaseUnavailable() : std::runtime_error("database unavailable") {}
};

class Database {
public:
    struct Hooks {
        std::function<void()> on_reconnect;
        std::function<void()> on_error;
    };

    Database(std::string url, Hooks hooks = {});
    ~Database();

    // How long opening a connection may take (default 2 s; libpq's connect_timeout cannot go
    // below 2 s, so the code enforces it).
    void set_connect_deadline(std::chrono::milliseconds deadline) { connect_deadline_ = deadline; }

    // The open session; throws DatabaseUnavailable when it cannot be opened. Before handing it
    // out, one non-blocking poll notices a server that closed it (a restart), and it reconnects.
    soci::session& session();
    // A worker starts each request with this: then only the request's first session() polls
    // (its later ones follow within microseconds; a poll is a system call, several per request
    // on the entry list). Without it (commands, jobs) every session() polls.
    void start_request() { polled_in_request_ = false; in_requests_ = true; }
    // The libpq connection under the session (for deadlines and multi-statement scripts).
    PGconn* raw_connection();
    // Forgets the session after a connection error; the next session() reconnects.
    void drop();
    // Forgets the session of a server that did not answer in time: for the next second every
    // session() fails at once, so that requests answer 503 quickly instead of each waiting on
    // the hung server again (and queueing behind each other).
    void drop_unresponsive();
    // Whether the open session's connection is still usable (never reconnects: false when none).
    bool connection_alive() const;
    // SELECT 1 with a client-side deadline; a timeout or failure drops the session.
    bool ping(std::chrono::milliseconds deadline);
    // Runs work in one transaction; commits when it returns, rolls back when it throws.
    void transaction(const std::function<void(soci::session&)>& work);
    // Counts an error for the metrics (called by the error mapper).
    void record_error();

private:
    std::string url_;
    Hooks hooks_;
    std::unique_ptr<soci::session> session_;
    bool ever_connected_ = false;
    bool in_requests_ = false;
    bool polled_in_request_ = false;
    std::chrono::milliseconds connect_deadline_{2000};
    std::chrono::steady_clock::time_point reconnect_not_before_{};
};

// The one way to refuse after recording the refusal: `work` runs in one transaction and returns
// std::optional<Error>; its writes (the audit row of a denial included) are committed, then a
// returned error is thrown as the answer.
template <class Work>
void transaction_then_refuse(Database& database, Work&& work) {
    decltype(work(std::declval<soci::session&>())) refusal;
    database.transaction([&](soci::session& tx) { refusal = work(tx); });
    if (refusal) throw *refusal;
}

// Runs a multi-statement SQL script on a raw connection; throws std::runtime_error with the server's message.
void execute_script(PGconn* connection, const std::string& sql);

}  // namespace ltc::db
