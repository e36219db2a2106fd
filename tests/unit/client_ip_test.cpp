// Rate-limit keys for client addresses (IPv6 per /64).
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "auth/client_ip.hpp"

using ltc::auth::rate_limit_key_for_ip;

BOOST_AUTO_TEST_SUITE(auth_client_ip)

BOOST_AUTO_TEST_CASE(ipv4_as_is) {
    BOOST_TEST(rate_limit_key_for_ip("203.0.113.7") == "203.0.113.7");
    BOOST_TEST(rate_limit_key_for_ip("127.0.0.1") == "127.0.0.1");
    BOOST_TEST(rate_limit_key_for_ip("0.0.0.0") == "0.0.0.0");
    BOOST_TEST(rate_limit_key_for_ip("255.255.255.255") == "255.255.255.255");
}

BOOST_AUTO_TEST_CASE(ipv6_by_64_prefix) {
    BOOST_TEST(rate_limit_key_for_ip("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::/64");
    BOOST_TEST(rate_limit_key_for_ip("2001:db8:1:2::1") == "2001:db8:1:2::/64");
    BOOST_TEST(rate_limit_key_for_ip("2001:0DB8:0001:0002:0:0:0:1") == "2001:db8:1:2::/64");
    BOOST_TEST(rate_limit_key_for_ip("2001:db8::1") == "2001:db8::/64");
    BOOST_TEST(rate_limit_key_for_ip("::1") == "::/64");
    BOOST_TEST(rate_limit_key_for_ip("fe80::1234:5678") == "fe80::/64");
}

BOOST_AUTO_TEST_CASE(same_64_same_key) {
    BOOST_TEST(rate_limit_key_for_ip("2001:db8:1:2::a") == rate_limit_key_for_ip("2001:db8:1:2::b"));
    BOOST_TEST(rate_limit_key_for_ip("2001:db8:1:2::a") != rate_limit_key_for_ip("2001:db8:1:3::a"));
}

BOOST_AUTO_TEST_CASE(ipv4_mapped_ipv6_is_ipv4) {
    BOOST_TEST(rate_limit_key_for_ip("::ffff:203.0.113.7") == "203.0.113.7");
    BOOST_TEST(rate_limit_key_for_ip("::FFFF:cb00:7107") == "203.0.113.7");
}

BOOST_AUTO_TEST_CASE(invalid_inputs) {
    for (const char* input : {"", "localhost", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4 ",
                              " 1.2.3.4", "2001:db8:::1", "2001:db8::1/64", "[2001:db8::1]",
                              "fe80::1%eth0", "1.2.3.4:80", "01.2.3.4"}) {
        BOOST_TEST(rate_limit_key_for_ip(input) == "invalid", "input: '" << input << "'");
    }
    BOOST_TEST(rate_limit_key_for_ip(std::string("1.2.3.4\0", 8)) == "invalid");
    BOOST_TEST(rate_limit_key_for_ip(std::string(200, '1')) == "invalid");
}

BOOST_AUTO_TEST_CASE(a_limit_bucket_holds_the_address_only_as_a_hash) {
    const ltc::crypto::KeyRing keys(std::string(32, 'k'));
    const std::string bucket = ltc::auth::ip_bucket(keys, "code_request", "2001:db8:1:2::aaaa");
    BOOST_TEST(bucket.rfind("code_request:ip:", 0) == 0u);
    BOOST_TEST(bucket.size() == std::string("code_request:ip:").size() + 64);  // HMAC-SHA256 in hex
    BOOST_TEST(bucket.find("2001") == std::string::npos);
    // One bucket for the whole /64, another for another network or purpose.
    BOOST_TEST(ltc::auth::ip_bucket(keys, "code_request", "2001:db8:1:2::bbbb") == bucket);
    BOOST_TEST(ltc::auth::ip_bucket(keys, "code_request", "2001:db8:1:3::aaaa") != bucket);
    // Another purpose: its own counter, the same hash (code requests and redeem failures).
    BOOST_TEST(ltc::auth::ip_bucket(keys, "redeem_failure", "2001:db8:1:2::aaaa") == "redeem_failure:ip:" + bucket.substr(16));
}

BOOST_AUTO_TEST_SUITE_END()
