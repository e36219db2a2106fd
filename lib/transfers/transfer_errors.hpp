#pragma once
// The answers to a refused transfer action (API.md "Public link, transfers, exports").
#include "http/api_error.hpp"
#include "transfers/transfer_rules.hpp"

namespace ltc::transfers {

http::ApiError refusal_error(Refusal refusal);

}  // namespace ltc::transfers
