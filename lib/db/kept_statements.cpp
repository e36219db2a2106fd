#include "db/kept_statements.hpp"

#include <cstdio>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "db/query.hpp"

namespace ltc::db {

namespace {
// Dynamic statement texts must not fill the server's memory: past this, new ones run unnamed.
constexpr std::size_t max_kept_per_connection = 512;
// A process holds a handful of connections; past this many addresses the stale ones (closed
// connections) are dropped. Should a live one be among them, its next preparation meets 42P05
// and that connection runs unnamed from then on — correct, only slower.
constexpr std::size_t max_connections_tracked = 16;

enum class Route { unknown, direct, pooled };

struct ConnectionStatements {
    int backend_pid = 0;  // a new connection at a recycled address starts empty
    Route route = Route::unknown;
    bool naming_off = false;
    bool forget_on_server = false;
    std::unordered_set<std::string> prepared;
};

std::mutex guard;
std::unordered_map<const PGconn*, ConnectionStatements> by_connection;

ConnectionStatements& statements_of(PGconn* connection) {
    if (by_connection.size() >= max_connections_tracked && !by_connection.contains(connection)) by_connection.clear();
    auto& entry = by_connection[connection];
    const int backend_pid = PQbackendPID(connection);
    if (entry.backend_pid != backend_pid) {
        entry = ConnectionStatements{};
        entry.backend_pid = backend_pid;
    }
    return entry;
}

// 64 bits of the text's hash: a name stands for one text (a collision among a few hundred
// statements is out of reach).
std::string name_for(const std::string& sql) {
    char name[24];
    std::snprintf(name, sizeof name, "ltc_%016zx", std::hash<std::string>{}(sql));
    return name;
}
}  // namespace

ConnectionChores take_connection_chores(PGconn* connection, bool in_transaction) {
    const std::lock_guard lock(guard);
    auto& entry = statements_of(connection);
    ConnectionChores chores;
    chores.deallocate_all = !in_transaction && std::exchange(entry.forget_on_server, false);
    chores.prove_route = entry.route == Route::unknown;
    return chores;
}

void record_server_pid(PGconn* connection, int server_pid) {
    const std::lock_guard lock(guard);
    auto& entry = statements_of(connection);
    entry.route = server_pid == entry.backend_pid ? Route::direct : Route::pooled;
}

std::vector<StatementUse> plan_statement_uses(PGconn* connection, const std::vector<Statement>& statements,
                                              bool in_transaction) {
    std::vector<StatementUse> uses(statements.size());
    const std::lock_guard lock(guard);
    const auto& entry = statements_of(connection);
    // Until the server's names are cleared, a name could meet its stale namesake (the ROLLBACK of
    // the failed transaction too).
    if (entry.naming_off || entry.forget_on_server || (in_transaction && entry.route != Route::direct)) return uses;
    std::unordered_set<std::string> preparing;  // the same text twice in one batch: prepared once
    for (std::size_t i = 0; i < statements.size(); ++i) {
        auto name = name_for(statements[i].sql);
        if (entry.prepared.contains(name) || preparing.contains(name)) {
            uses[i].name = std::move(name);
        } else if (entry.prepared.size() + preparing.size() < max_kept_per_connection) {
            preparing.insert(name);
            uses[i] = StatementUse{std::move(name), true};
        }
    }
    return uses;
}

void mark_prepared(PGconn* connection, const std::string& name) {
    const std::lock_guard lock(guard);
    statements_of(connection).prepared.insert(name);
}

KeptRecovery recover_kept_statements(PGconn* connection, const std::string& sqlstate, bool in_transaction) {
    const std::lock_guard lock(guard);
    auto& entry = statements_of(connection);
    if (in_transaction) {
        if (sqlstate != "26000" && sqlstate != "42P05" && sqlstate != "0A000") return KeptRecovery::none;
        // The transaction is lost; the connection's next statements must not meet the same.
        entry.prepared.clear();
        entry.forget_on_server = true;
        return KeptRecovery::none;
    }
    if (sqlstate == "26000" || sqlstate == "42P05") {
        // The server connection is not the one the names were prepared on: a pooler.
        entry.naming_off = true;
        entry.prepared.clear();
        return KeptRecovery::retry;
    }
    if (sqlstate == "0A000") {
        // "cached plan must not change result type": a migration changed what a name returns.
        entry.prepared.clear();
        return KeptRecovery::retry_after_forget;
    }
    return KeptRecovery::none;
}

}  // namespace ltc::db
