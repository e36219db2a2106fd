// The pure parts of exports: the key encoding, the download rule, the redaction.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <set>

#include "crypto/aead.hpp"
#include "crypto/random.hpp"
#include "exports/export_json.hpp"
#include "exports/export_key.hpp"
#include "exports/export_rules.hpp"
#include "http/response.hpp"

using namespace ltc::exports;

namespace {
ltc::vehicles::Vehicle sample_vehicle() {
    ltc::vehicles::Vehicle vehicle;
    vehicle.id = "11111111-1111-1111-1111-111111111111";
    vehicle.owner_id = "22222222-2222-2222-2222-222222222222";
    vehicle.vin.masked = "WVW**********1234";
    vehicle.fields.make = "VW";
    vehicle.fields.accident_status = "unbekannt";
    return vehicle;
}

EntryRecord sample_entry() {
    ltc::entries::EntryVersion version;
    version.entry_id = "33333333-3333-3333-3333-333333333333";
    version.version = 1;
    version.created_by = "22222222-2222-2222-2222-222222222222";
    EntryRecord record{version, {version}};
    record.latest.version = 2;
    record.history.push_back(record.latest);
    return record;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(export_format)

BOOST_AUTO_TEST_CASE(key_round_trips_as_unpadded_base64url) {
    for (int i = 0; i < 50; ++i) {
        const std::string key = ltc::crypto::random_bytes(32);
        const std::string text = to_base64url(key);
        BOOST_TEST(text.size() == 43u);
        BOOST_TEST(text.find_first_of("+/=") == std::string::npos);
        BOOST_TEST((from_base64url(text) == key));
    }
    BOOST_TEST(to_base64url("\xfb\xff") == "-_8");
    BOOST_TEST(!from_base64url("abc=").has_value());
    BOOST_TEST(!from_base64url("ab+c").has_value());
    BOOST_TEST(!from_base64url("abcde").has_value());
}

BOOST_AUTO_TEST_CASE(a_download_needs_the_token_once_before_expiry) {
    BOOST_TEST(!download_refusal(true, false, false).has_value());
    BOOST_TEST((download_refusal(false, false, false) == DownloadRefusal::token_invalid));
    BOOST_TEST((download_refusal(true, true, false) == DownloadRefusal::token_invalid));
    BOOST_TEST((download_refusal(false, false, true) == DownloadRefusal::token_invalid));
    BOOST_TEST((download_refusal(true, true, true) == DownloadRefusal::token_invalid));
    BOOST_TEST((download_refusal(true, false, true) == DownloadRefusal::expired));
}

// The vehicle is the API's rendering: a key added there must fail here before it reaches an export.
BOOST_AUTO_TEST_CASE(the_exported_vehicle_has_exactly_the_format_keys) {
    const auto keys_of = [](const Poco::JSON::Object::Ptr& object) {
        std::set<std::string> keys;
        for (const auto& [key, value] : *object) keys.insert(key);
        return keys;
    };
    const std::set<std::string> redacted = {"id", "vin_masked", "vin_check_digit_valid", "nickname", "vehicle_class",
                                            "make", "model", "year", "engine", "accident_status", "accident_closed",
                                            "created_at", "updated_at", "trust"};
    BOOST_TEST(keys_of(vehicle_json(sample_vehicle(), "gelb", std::nullopt)) == redacted, boost::test_tools::per_element());
    const std::set<std::string> full = {"id", "vin", "vin_masked", "vin_check_digit_valid", "nickname",
                                        "vehicle_class", "make", "model", "year", "engine", "accident_status",
                                        "accident_closed", "created_at", "updated_at", "trust", "owner_id",
                                        "deleted_at", "delete_reason"};
    BOOST_TEST(keys_of(vehicle_json(sample_vehicle(), "rot", std::string("WVWZZZ1JZXW001234"))) == full,
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(redacted_parts_hold_no_vin_and_no_user_ids) {
    const std::string vehicle = ltc::http::to_json(vehicle_json(sample_vehicle(), "gelb", std::nullopt));
    BOOST_TEST(vehicle.find("\"vin_masked\":\"WVW**********1234\"") != std::string::npos);
    BOOST_TEST(vehicle.find("\"vin\"") == std::string::npos);
    BOOST_TEST(vehicle.find("2222") == std::string::npos);
    BOOST_TEST(vehicle.find("\"light\":\"gelb\"") != std::string::npos);
    const std::string entries = ltc::http::to_json(entries_json({sample_entry()}, {}, Detail::redacted));
    BOOST_TEST(entries.find("2222") == std::string::npos);
    BOOST_TEST(entries.find("\"history\":[{") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(full_parts_hold_the_vin_and_the_owner) {
    const std::string vehicle = ltc::http::to_json(vehicle_json(sample_vehicle(), "rot", std::string("WVWZZZ1JZXW001234")));
    BOOST_TEST(vehicle.find("\"vin\":\"WVWZZZ1JZXW001234\"") != std::string::npos);
    BOOST_TEST(vehicle.find("\"owner_id\":\"22222222-2222-2222-2222-222222222222\"") != std::string::npos);
    const std::string entries = ltc::http::to_json(entries_json({sample_entry()}, {}, Detail::full));
    BOOST_TEST(entries.find("\"created_by\":\"22222222") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_header_names_format_and_version) {
    const std::string header = ltc::http::to_json(export_header(redacted_format, "2026-01-01T00:00:00Z"));
    BOOST_TEST(header == R"({"format":"ltc-vehicle-export","version":1,"exported_at":"2026-01-01T00:00:00Z"})");
}

BOOST_AUTO_TEST_CASE(what_the_server_seals_the_key_opens) {
    const std::string key = ltc::crypto::random_bytes(32);
    const std::string sealed = ltc::crypto::aead_encrypt(key, "{\"a\":1}");
    BOOST_TEST(sealed.size() == 12u + 7u + 16u);  // nonce ‖ ciphertext ‖ tag
    BOOST_TEST((ltc::crypto::aead_decrypt(*from_base64url(to_base64url(key)), sealed) == "{\"a\":1}"));
}

BOOST_AUTO_TEST_SUITE_END()
