#pragma once
// What a caller must do about a database error: reconnect (the connection is gone), report a
// conflict (a unique constraint with a known code), or fail. Knows nothing of HTTP: the
// pipeline turns the kind into an answer.
#include <optional>
#include <string>

#include "db/query.hpp"

namespace ltc::db {

enum class ErrorKind { connection_lost, unique_violation, other };

struct DatabaseFailure {
    ErrorKind kind = ErrorKind::other;
    // For a unique violation of a registered constraint: the specific conflict code.
    std::optional<std::string> conflict_code;
};

ErrorKind classify_sqlstate(const std::string& sqlstate);

// `duplicate key value violates unique constraint "name"` → name.
std::optional<std::string> constraint_from_message(const std::string& message);

// Modules register the unique constraints of their tables with the code API.md gives a race on them.
void register_conflict_code(const std::string& constraint, const std::string& code);
// The specific 409 code for a unique constraint (API.md "Unique races"); nullopt when unknown.
std::optional<std::string> conflict_code_for_constraint(const std::string& constraint);

// Classifies a failed statement; connection_alive is false when the socket is known dead.
DatabaseFailure classify_failure(const QueryError& error, bool connection_alive);

}  // namespace ltc::db
