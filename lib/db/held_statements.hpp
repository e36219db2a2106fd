#pragma once
// Statements whose answers nobody reads — a transaction's BEGIN, an audit row, the stored trust
// summary — wait on their connection and travel with its next round trip: db::query puts them
// in front of the next batch (COMMIT's at the latest). An entry write needs five round trips
// instead of eight. Only inside a transaction (the BEGIN held first makes one): a held
// statement that fails fails the batch it travels with, and with it the transaction, as it
// would have failed on its own; nothing after it runs.
#include <vector>

#include <libpq-fe.h>

namespace ltc::db {

struct Statement;

// Keeps `statement` for the connection's next batch.
void hold(PGconn* connection, Statement statement);

// The held statements, in order, now no longer held (empty when none).
std::vector<Statement> take_held(PGconn* connection);

// Statements are held on this connection (its transaction has begun, maybe only here).
bool holds(PGconn* connection);

// Forgets them (the transaction is abandoned before they were sent); `connection` may be closed.
void drop_held(PGconn* connection);

}  // namespace ltc::db
