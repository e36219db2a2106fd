// Ownership transfers through nginx (issue 12): lifecycle, redeem, the race, limits, expiry.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <regex>
#include <thread>

#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {

struct Created {
    std::string id;
    std::string code;
};

Created create_transfer(Member& owner, const std::string& vehicle_id) {
    const Reply reply = owner.send("POST", "/api/vehicles/" + vehicle_id + "/transfers");
    BOOST_REQUIRE_MESSAGE(reply.status == 201, reply.body);
    const auto json = reply.json();
    return {json->getValue<std::string>("id"), json->getValue<std::string>("code")};
}

Reply redeem(Member& buyer, const std::string& code) {
    return buyer.send("POST", "/api/transfers/redeem", R"({"code":")" + code + R"("})");
}

// The transfer items of a vehicle as the owner lists them.
Poco::JSON::Array::Ptr transfers_of(Member& owner, const std::string& vehicle_id) {
    const Reply reply = owner.send("GET", "/api/vehicles/" + vehicle_id + "/transfers");
    BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.body);
    return reply.json()->getArray("items");
}

long long audit_count(const std::string& action, const std::string& target_id) {
    return count_rows("SELECT count(*) FROM audit_events WHERE action = '" + action + "' AND target_id = '" + target_id + "'");
}

bool mail_count_reaches(const std::string& address, std::size_t count) {
    for (int i = 0; i < 75 && mails_to(address) < count; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    return mails_to(address) >= count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transfers)

BOOST_AUTO_TEST_CASE(create_shows_the_code_once_then_extend_once_and_cancel) {
    Member seller("transfer-seller");
    const std::string vehicle = create_vehicle(seller, new_vin());
    const Reply created = seller.send("POST", "/api/vehicles/" + vehicle + "/transfers");
    BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
    const auto json = created.json();
    const std::string id = json->getValue<std::string>("id");
    const std::string code = json->getValue<std::string>("code");
    BOOST_TEST(std::regex_match(code, std::regex("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}")));
    BOOST_TEST(json->getValue<std::string>("qr_svg").find("<svg") != std::string::npos);
    BOOST_TEST(json->getValue<std::string>("status") == "open");
    BOOST_TEST(json->getValue<bool>("extended") == false);
    const std::string expires_at = json->getValue<std::string>("expires_at");

    // One open transfer per vehicle.
    BOOST_TEST(seller.send("POST", "/api/vehicles/" + vehicle + "/transfers").error_code() == "transfer_open");

    // The list never shows the code again.
    const Reply listed = seller.send("GET", "/api/vehicles/" + vehicle + "/transfers");
    BOOST_TEST(listed.body.find(code) == std::string::npos);
    const auto items = listed.json()->getArray("items");
    BOOST_REQUIRE(items->size() == 1);
    BOOST_TEST(items->getObject(0)->getValue<std::string>("status") == "open");
    BOOST_TEST(items->getObject(0)->isNull("redeemed_at"));

    const Reply extended = seller.send("POST", "/api/transfers/" + id + "/extend");
    BOOST_REQUIRE_MESSAGE(extended.status == 200, extended.body);
    BOOST_TEST(extended.json()->getValue<bool>("extended") == true);
    BOOST_TEST(extended.json()->getValue<std::string>("expires_at") > expires_at);
    BOOST_TEST(seller.send("POST", "/api/transfers/" + id + "/extend").error_code() == "already_extended");

    BOOST_TEST(seller.send("DELETE", "/api/transfers/" + id).status == 204);
    BOOST_TEST(transfers_of(seller, vehicle)->getObject(0)->getValue<std::string>("status") == "cancelled");
    BOOST_TEST(seller.send("POST", "/api/transfers/" + id + "/extend").error_code() == "transfer_not_open");
    Member buyer("transfer-late-buyer");
    BOOST_TEST(redeem(buyer, code).error_code() == "transfer_not_open");

    // Cancelled: a new transfer may start.
    create_transfer(seller, vehicle);
    BOOST_TEST(audit_count("TRANSFER_CREATED", id) == 1);
    BOOST_TEST(audit_count("TRANSFER_EXTENDED", id) == 1);
    BOOST_TEST(audit_count("TRANSFER_CANCELLED", id) == 1);
    // The code is stored only as an HMAC and never lands in the audit trail.
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE meta::text LIKE '%" + code.substr(0, 9) + "%'") == 0);
}

BOOST_AUTO_TEST_CASE(redeem_moves_the_vehicle_and_ends_the_sellers_access) {
    Member seller("transfer-owner");
    Member buyer("transfer-buyer");
    const std::string vehicle = create_vehicle(seller, new_vin());
    const Created transfer = create_transfer(seller, vehicle);
    const std::size_t seller_mails = mails_to(seller.address);
    const std::size_t buyer_mails = mails_to(buyer.address);

    // Typed as people type it: lower case, spaces instead of hyphens.
    std::string typed = transfer.code;
    for (char& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const Reply redeemed = redeem(buyer, typed);
    BOOST_REQUIRE_MESSAGE(redeemed.status == 200, redeemed.body);
    BOOST_TEST(redeemed.json()->getValue<std::string>("vehicle_id") == vehicle);

    BOOST_TEST(seller.send("GET", "/api/vehicles/" + vehicle).status == 404);
    BOOST_TEST(seller.send("GET", "/api/vehicles").body.find(vehicle) == std::string::npos);
    BOOST_TEST(seller.send("POST", "/api/vehicles/" + vehicle + "/transfers").status == 404);
    BOOST_TEST(seller.send("DELETE", "/api/transfers/" + transfer.id).status == 404);
    BOOST_TEST(buyer.send("GET", "/api/vehicles/" + vehicle).status == 200);
    BOOST_TEST(buyer.send("GET", "/api/vehicles").body.find(vehicle) != std::string::npos);

    const auto items = transfers_of(buyer, vehicle);
    BOOST_REQUIRE(items->size() == 1);
    BOOST_TEST(items->getObject(0)->getValue<std::string>("status") == "redeemed");
    BOOST_TEST(!items->getObject(0)->isNull("redeemed_at"));
    // No open transfer of the vehicle is left; the new owner can start one.
    BOOST_TEST(count_rows("SELECT count(*) FROM transfers WHERE vehicle_id = '" + vehicle + "' AND status = 'open'") == 0);
    create_transfer(buyer, vehicle);

    // Used: the same code again.
    Member third("transfer-third");
    BOOST_TEST(redeem(third, transfer.code).error_code() == "transfer_not_open");

    BOOST_TEST(count_rows("SELECT count(*) FROM vehicles WHERE id = '" + vehicle + "' AND owner_id = '" +
                          buyer.session.user_id + "'") == 1);
    BOOST_TEST(audit_count("TRANSFER_REDEEMED", transfer.id) == 1);
    BOOST_TEST(mail_count_reaches(seller.address, seller_mails + 1));
    BOOST_TEST(mail_count_reaches(buyer.address, buyer_mails + 1));
}

// The seller may still hold the printed sticker: the redeem rotates the public link, so the
// old token is dead and the buyer's vehicle answers under a new one.
BOOST_AUTO_TEST_CASE(redeem_rotates_the_public_link) {
    Member seller("transfer-link-seller");
    Member buyer("transfer-link-buyer");
    const std::string vehicle = create_vehicle(seller, new_vin());
    const Reply enabled = seller.send("PUT", "/api/vehicles/" + vehicle + "/public-link");
    BOOST_REQUIRE_MESSAGE(enabled.status == 200, enabled.body);
    const std::string old_url = enabled.json()->getValue<std::string>("url");
    const std::string old_token = old_url.substr(old_url.rfind('/') + 1);
    BOOST_REQUIRE(StackClient(fresh_source_ip()).get("/api/public/qr/" + old_token).status == 200);

    const Reply redeemed = redeem(buyer, create_transfer(seller, vehicle).code);
    BOOST_REQUIRE_MESSAGE(redeemed.status == 200, redeemed.body);

    BOOST_TEST(StackClient(fresh_source_ip()).get("/api/public/qr/" + old_token).status == 404);
    const auto link = buyer.send("GET", "/api/vehicles/" + vehicle).json()->getObject("public_link");
    BOOST_REQUIRE(link->getValue<bool>("enabled"));
    const std::string new_url = link->getValue<std::string>("url");
    BOOST_TEST(new_url != old_url);
    BOOST_TEST(StackClient(fresh_source_ip()).get("/api/public/qr/" + new_url.substr(new_url.rfind('/') + 1)).status == 200);
}

BOOST_AUTO_TEST_CASE(own_vehicle_free_tier_and_foreign_transfers) {
    Member seller("transfer-own");
    const std::string vehicle = create_vehicle(seller, new_vin());
    const Created transfer = create_transfer(seller, vehicle);
    BOOST_TEST(redeem(seller, transfer.code).error_code() == "own_vehicle");

    // A `user` with an active vehicle may not take over a second one.
    Member full("transfer-full");
    create_vehicle(full, new_vin());
    const Reply limited = redeem(full, transfer.code);
    BOOST_TEST(limited.status == 403);
    BOOST_TEST(limited.error_code() == "vehicle_limit_reached");
    BOOST_TEST(transfers_of(seller, vehicle)->getObject(0)->getValue<std::string>("status") == "open");

    // Someone else's transfer or vehicle: 404, recorded.
    Member stranger("transfer-stranger");
    BOOST_TEST(stranger.send("POST", "/api/vehicles/" + vehicle + "/transfers").status == 404);
    BOOST_TEST(stranger.send("GET", "/api/vehicles/" + vehicle + "/transfers").status == 404);
    BOOST_TEST(stranger.send("POST", "/api/transfers/" + transfer.id + "/extend").status == 404);
    BOOST_TEST(stranger.send("DELETE", "/api/transfers/" + transfer.id).status == 404);
    BOOST_TEST(audit_count("ACCESS_DENIED", transfer.id) == 2);
    BOOST_TEST(stranger.send("DELETE", "/api/transfers/not-a-uuid").status == 404);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'TRANSFER_REDEEM_FAILED' AND actor_id = '" +
                          full.session.user_id + "' AND meta->>'reason_code' = 'vehicle_limit_reached'") == 1);
}

BOOST_AUTO_TEST_CASE(two_buyers_at_once_exactly_one_wins) {
    Member seller("transfer-race-seller");
    Member first("transfer-race-a");
    Member second("transfer-race-b");
    const std::string vehicle = create_vehicle(seller, new_vin());
    const Created transfer = create_transfer(seller, vehicle);
    Reply a;
    Reply b;
    std::thread ta([&] { a = redeem(first, transfer.code); });
    std::thread tb([&] { b = redeem(second, transfer.code); });
    ta.join();
    tb.join();
    BOOST_TEST(((a.status == 200 && b.status == 409) || (a.status == 409 && b.status == 200)),
               "answers " << a.status << " " << b.body << " / " << b.status);
    BOOST_TEST((a.status == 409 ? a : b).error_code() == "transfer_not_open");
    const std::string winner = a.status == 200 ? first.session.user_id : second.session.user_id;
    BOOST_TEST(count_rows("SELECT count(*) FROM vehicles WHERE id = '" + vehicle + "' AND owner_id = '" + winner + "'") == 1);
}

BOOST_AUTO_TEST_CASE(unknown_codes_are_404_and_failures_are_limited) {
    Member guesser("transfer-guesser");
    BOOST_TEST(redeem(guesser, "AAAA-BBBB").status == 404);
    BOOST_TEST(redeem(guesser, "x").status == 404);
    BOOST_TEST(guesser.send("POST", "/api/transfers/redeem", "{}").status == 400);
    BOOST_TEST(guesser.send("POST", "/api/transfers/redeem", R"({"code":5})").status == 400);
    // Ten failures per user and hour (defaults): two above, eight more, then 429 before any lookup.
    for (int i = 0; i < 8; ++i) BOOST_TEST(redeem(guesser, "GUESS" + std::to_string(i)).status == 404);
    const Reply limited = redeem(guesser, "GUESS-AGAIN");
    BOOST_TEST(limited.status == 429);
    BOOST_TEST(!limited.header("Retry-After").empty());
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'TRANSFER_REDEEM_FAILED' AND actor_id = '" +
                          guesser.session.user_id + "'") == 11);
}

BOOST_AUTO_TEST_CASE(an_expired_transfer_is_410_and_can_be_replaced, *boost::unit_test::label("short_ttl")) {
    Member seller("transfer-expiry");
    Member buyer("transfer-expiry-buyer");
    const std::string vehicle = create_vehicle(seller, new_vin());
    const Created transfer = create_transfer(seller, vehicle);
    std::this_thread::sleep_for(std::chrono::seconds(3));  // LTC_TRANSFER_TTL_SECONDS=2 in this phase
    BOOST_TEST(redeem(buyer, transfer.code).error_code() == "transfer_expired");
    BOOST_TEST(transfers_of(seller, vehicle)->getObject(0)->getValue<std::string>("status") == "expired");
    BOOST_TEST(seller.send("POST", "/api/transfers/" + transfer.id + "/extend").error_code() == "transfer_expired");
    create_transfer(seller, vehicle);
    BOOST_TEST(count_rows("SELECT count(*) FROM transfers WHERE id = '" + transfer.id + "' AND status = 'expired'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
