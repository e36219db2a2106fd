#pragma once
// Which statements a connection keeps prepared. A statement is prepared once per connection,
// under a name made from its text, and executed by that name afterwards: PostgreSQL then parses
// it once instead of on every call (for a one-row read that is half its cost; a write
// transaction's statements, a third of the write), and plans it once too because the application
// role runs with plan_cache_mode = force_generic_plan (without it, PostgreSQL kept re-planning a
// statement whose generic plan it estimated dearer, as the entry list's on skewed vehicles).
// A pooler in transaction mode (PgBouncer 1.18) hands a connection a different server
// connection per transaction, where a name may be missing (26000) or taken (42P05); a migration
// may change a statement's result type (0A000). db::query retries such a failed batch unnamed —
// outside a transaction a failed batch changed nothing — after `recover` has decided what this
// connection does from then on. Inside a transaction a failed statement fails the transaction,
// so there names are used only on a connection proven to be direct: the server's process id
// (`SELECT pg_backend_pid()`) is the one libpq was told at connect — a pooler tells its own.
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

// What db::query must do on the connection before its next batch: send DEALLOCATE ALL (after a
// failure of the names inside a transaction; only ever handed out outside one), and, once per
// connection, ask the server for its process id and pass it to record_server_pid (the proof of a
// direct connection, see above).
struct ConnectionChores {
    bool deallocate_all = false;
    bool prove_route = false;
};
ConnectionChores take_connection_chores(PGconn* connection, bool in_transaction);
void record_server_pid(PGconn* connection, int server_pid);

// One use per statement: named ones when the connection keeps statements (inside a
// transaction: only a direct connection); all unnamed otherwise.
std::vector<StatementUse> plan_statement_uses(PGconn* connection, const std::vector<Statement>& statements,
                                              bool in_transaction);

// The server accepted the preparation of `name` on this connection.
void mark_prepared(PGconn* connection, const std::string& name);

// A batch that used names failed with `sqlstate`: what to do. Inside a transaction nothing can
// be retried (the answer is always `none`), but the connection is put right for its next
// statements: the names are forgotten, and with them the server's (DEALLOCATE ALL before the
// next statement outside a transaction; see take_connection_chores).
KeptRecovery recover_kept_statements(PGconn* connection, const std::string& sqlstate, bool in_transaction);

}  // namespace ltc::db
