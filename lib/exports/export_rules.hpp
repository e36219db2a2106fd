#pragma once
// When a full export may be downloaded (API.md): a missing or wrong token and an export
// already downloaded answer alike (403 export_token_invalid) before expiry (410).
#include <optional>

namespace ltc::exports {

enum class DownloadRefusal { token_invalid, expired };

std::optional<DownloadRefusal> download_refusal(bool token_matches, bool downloaded, bool expired);

}  // namespace ltc::exports
