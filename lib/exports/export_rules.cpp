#include "exports/export_rules.hpp"

namespace ltc::exports {

std::optional<DownloadRefusal> download_refusal(bool token_matches, bool downloaded, bool expired) {
    if (!token_matches || downloaded) return DownloadRefusal::token_invalid;
    if (expired) return DownloadRefusal::expired;
    return std::nullopt;
}

}  // namespace ltc::exports
