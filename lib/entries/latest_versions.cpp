#include "entries/latest_versions.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace ltc::entries {

std::vector<EntryVersion> latest_live_versions(std::vector<StoredVersion> versions) {
    // Positions are sorted, not the versions themselves (each carries several strings).
    std::vector<std::size_t> order(versions.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto at = [&](std::size_t i) -> const StoredVersion& { return versions[i]; };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(at(a).version.entry_id, at(b).version.version) <
               std::tie(at(b).version.entry_id, at(a).version.version);
    });
    std::vector<std::size_t> latest;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const auto& stored = at(order[k]);
        const bool newer_seen = k > 0 && at(order[k - 1]).version.entry_id == stored.version.entry_id;
        if (!newer_seen && !stored.version.deleted) latest.push_back(order[k]);
    }
    // Dates are YYYY-MM-DD, ids lower-case UUIDs: as text they sort as PostgreSQL sorts them.
    std::sort(latest.begin(), latest.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(at(b).version.fields.date, at(b).created_at_us, at(a).version.entry_id) <
               std::tie(at(a).version.fields.date, at(a).created_at_us, at(b).version.entry_id);
    });
    std::vector<EntryVersion> result;
    result.reserve(latest.size());
    for (const std::size_t i : latest) result.push_back(std::move(versions[i].version));
    return result;
}

}  // namespace ltc::entries
