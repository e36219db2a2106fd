#pragma once
// The entry body of create and revision requests (API.md field rules, PRODUCT.md §6 enums).
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "entries/entry_store.hpp"
#include "http/json_fields.hpp"
#include "trust/civil_date.hpp"

namespace ltc::entries {

struct EntryInput {
    EntryFields fields;
    std::optional<int> base_version;     // revisions
    std::optional<std::string> reason;   // revisions (optional), deletions (required)
};

enum class EntryBody { create, revision };

// Throws validation_failed with field codes; `today` bounds the date.
EntryInput read_entry_input(const Poco::JSON::Object::Ptr& body, EntryBody kind, const trust::CivilDate& today);

// {"reason","base_version"} of DELETE …/entries/{id}.
EntryInput read_entry_deletion(const Poco::JSON::Object::Ptr& body);

// "^\d{1,8}(\.\d{1,2})?$" and ≤ 10 000 000 → the amount with two decimals, else the field code.
std::optional<std::string> normalize_cost(const std::string& text, std::string& error_code);

}  // namespace ltc::entries
