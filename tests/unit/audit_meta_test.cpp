#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <stdexcept>

#include "audit/audit.hpp"

using ltc::audit::meta_json;
using ltc::audit::MetaValue;

BOOST_AUTO_TEST_SUITE(audit_meta)

BOOST_AUTO_TEST_CASE(allowed_keys_become_a_flat_object) {
    const std::map<std::string, MetaValue> meta = {
        {"attempts", std::int64_t{3}}, {"delivered", false}, {"vehicle_id", std::string("v-1")}};
    BOOST_TEST(meta_json(meta) == R"({"attempts":3,"delivered":false,"vehicle_id":"v-1"})");
    BOOST_TEST(meta_json({}) == "{}");
}

BOOST_AUTO_TEST_CASE(every_listed_key_is_accepted) {
    for (const char* key : {"attempts", "scope", "limit", "delivered", "second_factor", "sessions_ended", "terms",
                            "privacy", "source", "reason_code", "method", "count", "from_role", "to_role",
                            "vehicle_id", "version", "fields"}) {
        BOOST_TEST_CONTEXT(key) { BOOST_CHECK_NO_THROW(meta_json({{key, true}})); }
    }
}

BOOST_AUTO_TEST_CASE(keys_that_could_hold_personal_data_are_refused) {
    // An unknown key is a programming error, not something to record.
    for (const char* key : {"email", "vin", "code", "token", "ip", "name", "Attempts", "attempts ", ""}) {
        BOOST_TEST_CONTEXT(key) { BOOST_CHECK_THROW(meta_json({{key, std::string("x")}}), std::logic_error); }
    }
    BOOST_CHECK_THROW(meta_json({{"attempts", std::int64_t{1}}, {"email", std::string("a@b.de")}}), std::logic_error);
}

BOOST_AUTO_TEST_CASE(string_values_are_escaped) {
    BOOST_TEST(meta_json({{"reason_code", std::string("a\"b\\c")}}) == R"({"reason_code":"a\"b\\c"})");
}

BOOST_AUTO_TEST_SUITE_END()
