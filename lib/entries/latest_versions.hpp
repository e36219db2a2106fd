#pragma once
// The entry list's rule, applied to every stored version of a vehicle's entries: each entry's
// latest version, deleted entries left out, newest date first, then the newest change, then by id.
#include <cstdint>
#include <vector>

#include "entries/entry_version.hpp"

namespace ltc::entries {

struct StoredVersion {
    EntryVersion version;
    std::int64_t created_at_us = 0;  // created_at in microseconds since 1970 (the order below the date)
};

std::vector<EntryVersion> latest_live_versions(std::vector<StoredVersion> versions);

}  // namespace ltc::entries
