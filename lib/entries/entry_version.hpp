#pragma once
// One version of a timeline entry, as stored: a change or a deletion is a new version.
#include <optional>
#include <string>

namespace ltc::entries {

struct EntryFields {
    std::string date;  // YYYY-MM-DD
    std::string category;
    std::string performed_by;
    int odometer_km = 0;
    std::optional<std::string> note;
    std::optional<std::string> cost;  // "129.90"
    bool paper_book = false;
};

struct EntryVersion {
    std::string entry_id;
    int version = 0;
    EntryFields fields;
    bool deleted = false;
    std::optional<std::string> reason;
    std::string created_at;
    std::string created_by;
};

}  // namespace ltc::entries
