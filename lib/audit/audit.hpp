#pragma once
// The audit API every handler uses (PRODUCT.md §12). Metadata keys come from an allowlist of
// names that can never hold personal data; an unknown key is a programming error.
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include <soci/soci.h>

namespace ltc::audit {

using MetaValue = std::variant<std::string, std::int64_t, bool>;

struct Event {
    std::string action;                  // e.g. "SESSION_CREATED"
    std::optional<std::string> actor_id;
    std::string actor_role;              // "anonymous" when nobody is signed in
    std::string target_type;
    std::string target_id;
    std::string result = "success";      // success | denied | error
    std::string request_id;
    std::map<std::string, MetaValue> meta;
};

// An event by a signed-in actor, which is also the common case.
Event by_actor(const std::string& actor_id, const std::string& actor_role, const std::string& request_id,
               std::string action, std::string target_type, std::string target_id, std::string result = "success");

// Throws std::logic_error for a meta key outside the allowlist.
std::string meta_json(const std::map<std::string, MetaValue>& meta);
// Modules add the meta keys their events use (never PII); meta_json refuses any other key.
void allow_meta_keys(std::initializer_list<std::string> keys);

// Inserts the row in the caller's transaction (or on its own in autocommit).
void record(soci::session& sql, const Event& event);

}  // namespace ltc::audit
