#pragma once
// What a caller must do about a database error: reconnect (503), report a conflict (409 by
// constraint name), or fail (500).
#include <optional>
#include <string>

#include <soci/soci.h>

#include "db/database.hpp"
#include "http/api_error.hpp"

namespace ltc::db {

enum class ErrorKind { connection_lost, unique_violation, other };

ErrorKind classify_sqlstate(const std::string& sqlstate);

// `duplicate key value violates unique constraint "name"` → name.
std::optional<std::string> constraint_from_message(const std::string& message);

// The specific 409 code for a unique constraint (API.md "Unique races"); nullopt when unknown.
std::optional<std::string> conflict_code_for_constraint(const std::string& constraint);

// Maps a SOCI error to the client's answer; drops the session when the connection is gone.
http::ApiError map_database_error(const soci::soci_error& error, Database& database);

}  // namespace ltc::db
