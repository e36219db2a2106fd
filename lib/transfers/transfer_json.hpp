#pragma once
#include <Poco/JSON/Object.h>

#include "transfers/transfer_store.hpp"

namespace ltc::transfers {

// {"id","status","expires_at","extended","created_at","redeemed_at"}
Poco::JSON::Object::Ptr transfer_item_json(const Transfer& transfer);

}  // namespace ltc::transfers
