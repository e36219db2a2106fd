#include "db/held_statements.hpp"

#include <mutex>
#include <unordered_map>
#include <utility>

#include "db/query.hpp"

namespace ltc::db {

namespace {
struct Held {
    int backend_pid = 0;  // statements held for a closed connection never reach a new one at its address
    std::vector<Statement> statements;
};

std::mutex guard;
std::unordered_map<const PGconn*, Held> by_connection;

// The connection's held statements; none when they were held for another connection.
std::vector<Statement> take(PGconn* connection) {
    const auto found = by_connection.find(connection);
    if (found == by_connection.end()) return {};
    Held held = std::move(found->second);
    by_connection.erase(found);
    if (held.backend_pid != PQbackendPID(connection)) return {};
    return std::move(held.statements);
}
}  // namespace

void hold(PGconn* connection, Statement statement) {
    const std::lock_guard lock(guard);
    auto& held = by_connection[connection];
    const int backend_pid = PQbackendPID(connection);
    if (held.backend_pid != backend_pid) held = Held{backend_pid, {}};
    held.statements.push_back(std::move(statement));
}

std::vector<Statement> take_held(PGconn* connection) {
    const std::lock_guard lock(guard);
    return take(connection);
}

bool holds(PGconn* connection) {
    const std::lock_guard lock(guard);
    const auto found = by_connection.find(connection);
    return found != by_connection.end() && found->second.backend_pid == PQbackendPID(connection) &&
           !found->second.statements.empty();
}

void drop_held(PGconn* connection) {
    const std::lock_guard lock(guard);
    by_connection.erase(connection);  // by address only: the connection may be closed already
}

}  // namespace ltc::db
