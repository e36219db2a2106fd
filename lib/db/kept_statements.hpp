#pragma once
// Which statements a connection keeps prepared. A statement run outside a transaction is
// prepared once per connection, under a name made from its text, and executed by that name
// afterwards: PostgreSQL then plans it once instead of on every call (for a one-row read that
// is half its cost). Inside a transaction statements stay unnamed, so a failure there can only
// be the statement's own.
// A pooler in transaction mode (PgBouncer 1.18) hands a connection a different server
// connection per transaction, where a name may be missing (26000) or taken (42P05); a migration
// may change a statement's result type (0A000). db::query retries such a failed batch unnamed —
// outside a transaction a failed batch changed nothing — after `recover` has decided what this
// connection does from then on.
#include <cstddef>
#include <string>
#include <vector>

#include <libpq-fe.h>

namespace ltc::db {

struct Statement;

// How one statement of a batch is sent: unnamed (empty name), or by name, preparing it first.
struct StatementUse {
    std::string name;
    bool prepare = false;
};

// What a failed batch that used names means for the connection.
enum class KeptRecovery {
    none,                // not a failure of the names: report it
    retry,               // retry unnamed; names stay in use
    retry_after_forget,  // DEALLOCATE ALL, then retry unnamed (a result type changed)
};

// One use per statement: named ones when the connection is outside a transaction and keeps
// statements; all unnamed otherwise.
std::vector<StatementUse> plan_statement_uses(PGconn* connection, const std::vector<Statement>& statements);

// The server accepted the preparation of `name` on this connection.
void mark_prepared(PGconn* connection, const std::string& name);

// A batch that used names failed with `sqlstate`: what to do.
KeptRecovery recover_kept_statements(PGconn* connection, const std::string& sqlstate);

}  // namespace ltc::db
