#include "transfers/transfer_json.hpp"

namespace ltc::transfers {

Poco::JSON::Object::Ptr transfer_item_json(const Transfer& transfer) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", transfer.id);
    json->set("status", shown_status(transfer.state));
    json->set("expires_at", transfer.expires_at);
    json->set("extended", transfer.state.extended);
    json->set("created_at", transfer.created_at);
    json->set("redeemed_at", transfer.redeemed_at ? Poco::Dynamic::Var(*transfer.redeemed_at) : Poco::Dynamic::Var());
    return json;
}

}  // namespace ltc::transfers
