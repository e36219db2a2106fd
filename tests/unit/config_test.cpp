#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/config.hpp"

using ltc::config::ConfigError;
using ltc::config::EnvLookup;
using ltc::config::load_worker_config;

namespace {
const std::string secret_32 = "S3cr3t-0123456789abcdefghijklmno";  // exactly 32 characters

EnvLookup lookup(std::map<std::string, std::string> values) {
    return [values = std::move(values)](const std::string& name) -> std::optional<std::string> {
        const auto found = values.find(name);
        if (found == values.end()) return std::nullopt;
        return found->second;
    };
}

std::map<std::string, std::string> minimal() {
    return {{"LTC_SECRET_KEY", secret_32}, {"LTC_DATABASE_URL", "dbname=ltc user=ltc_app"}};
}

// The message of the ConfigError the lookup causes; fails the test when there is none.
std::string config_error(const EnvLookup& env) {
    try {
        load_worker_config(env);
    } catch (const ConfigError& error) {
        return error.what();
    }
    BOOST_ERROR("no ConfigError");
    return {};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(secret_key_of_32_characters_is_accepted) {
    BOOST_REQUIRE(secret_32.size() == 32U);
    const auto config = load_worker_config(lookup(minimal()));
    BOOST_TEST(config.secret_key == secret_32);
    BOOST_TEST(config.database_url == "dbname=ltc user=ltc_app");
}

BOOST_AUTO_TEST_CASE(missing_secret_key_is_an_error) {
    auto values = minimal();
    values.erase("LTC_SECRET_KEY");
    const std::string message = config_error(lookup(values));
    BOOST_TEST(message.find("LTC_SECRET_KEY") != std::string::npos);
    values["LTC_SECRET_KEY"] = "";
    BOOST_TEST(config_error(lookup(values)).find("LTC_SECRET_KEY") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(secret_key_of_31_characters_is_an_error_without_its_value) {
    auto values = minimal();
    const std::string short_secret = secret_32.substr(0, 31);
    values["LTC_SECRET_KEY"] = short_secret;
    const std::string message = config_error(lookup(values));
    BOOST_TEST(message.find("LTC_SECRET_KEY") != std::string::npos);
    BOOST_TEST(message.find(short_secret) == std::string::npos);
    BOOST_TEST(message.find(short_secret.substr(0, 8)) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_database_url_is_an_error) {
    auto values = minimal();
    values.erase("LTC_DATABASE_URL");
    const std::string message = config_error(lookup(values));
    BOOST_TEST(message.find("LTC_DATABASE_URL") != std::string::npos);
    BOOST_TEST(message.find(secret_32) == std::string::npos);
    values["LTC_DATABASE_URL"] = "";
    BOOST_TEST(config_error(lookup(values)).find("LTC_DATABASE_URL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(defaults_apply_when_unset) {
    const auto config = load_worker_config(lookup(minimal()));
    BOOST_TEST(config.var_dir == "var");
    BOOST_TEST(config.metrics_file == "var/run/metrics.shm");
    BOOST_TEST(config.health_timeout_ms == 1500);
    BOOST_TEST(config.request_deadline_seconds == 30);
    BOOST_TEST(config.max_body_bytes == 11L * 1024 * 1024);
    BOOST_TEST(config.public_base_url == "https://127.0.0.1:8443");
}

BOOST_AUTO_TEST_CASE(public_base_url_must_be_an_https_origin) {
    auto values = minimal();
    values["LTC_PUBLIC_BASE_URL"] = "https://ltc.example";
    BOOST_TEST(load_worker_config(lookup(values)).public_base_url == "https://ltc.example");
    for (const char* bad : {"http://ltc.example", "https://ltc.example/", "https://ltc.example/?a", "ltc.example"}) {
        values["LTC_PUBLIC_BASE_URL"] = bad;
        BOOST_TEST(config_error(lookup(values)).find("LTC_PUBLIC_BASE_URL") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(set_values_override_defaults) {
    auto values = minimal();
    values["LTC_VAR_DIR"] = "/srv/ltc/var";
    values["LTC_HEALTH_TIMEOUT_MS"] = "2000";
    values["LTC_REQUEST_DEADLINE_SECONDS"] = "1";
    values["LTC_MAX_BODY_BYTES"] = "1024";
    const auto config = load_worker_config(lookup(values));
    BOOST_TEST(config.var_dir == "/srv/ltc/var");
    BOOST_TEST(config.metrics_file == "/srv/ltc/var/run/metrics.shm");
    BOOST_TEST(config.health_timeout_ms == 2000);
    BOOST_TEST(config.request_deadline_seconds == 1);
    BOOST_TEST(config.max_body_bytes == 1024);

    values["LTC_METRICS_FILE"] = "/dev/shm/ltc.metrics";
    BOOST_TEST(load_worker_config(lookup(values)).metrics_file == "/dev/shm/ltc.metrics");
}

BOOST_AUTO_TEST_CASE(integer_out_of_range_or_malformed_is_an_error) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"LTC_HEALTH_TIMEOUT_MS", "99"},          {"LTC_HEALTH_TIMEOUT_MS", "60001"},
        {"LTC_HEALTH_TIMEOUT_MS", "15x"},         {"LTC_HEALTH_TIMEOUT_MS", "abc"},
        {"LTC_HEALTH_TIMEOUT_MS", "99999999999999999999999"},
        {"LTC_REQUEST_DEADLINE_SECONDS", "0"},    {"LTC_REQUEST_DEADLINE_SECONDS", "3601"},
        {"LTC_REQUEST_DEADLINE_SECONDS", "-5"},   {"LTC_MAX_BODY_BYTES", "1023"},
        {"LTC_MAX_BODY_BYTES", "67108865"},
    };
    for (const auto& [name, value] : cases) {
        BOOST_TEST_CONTEXT(name << "=" << value) {
            auto values = minimal();
            values[name] = value;
            const std::string message = config_error(lookup(values));
            BOOST_TEST(message.find(name) != std::string::npos);
            BOOST_TEST(message.find(secret_32) == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(integer_bounds_are_inclusive) {
    auto values = minimal();
    values["LTC_HEALTH_TIMEOUT_MS"] = "100";
    values["LTC_REQUEST_DEADLINE_SECONDS"] = "3600";
    values["LTC_MAX_BODY_BYTES"] = "67108864";
    const auto config = load_worker_config(lookup(values));
    BOOST_TEST(config.health_timeout_ms == 100);
    BOOST_TEST(config.request_deadline_seconds == 3600);
    BOOST_TEST(config.max_body_bytes == 64L * 1024 * 1024);
}

BOOST_AUTO_TEST_CASE(integer_or_and_require_string_helpers) {
    const auto env = lookup({{"N", "42"}, {"EMPTY", ""}, {"S", "text"}});
    BOOST_TEST(ltc::config::integer_or(env, "N", 7, 0, 100) == 42);
    BOOST_TEST(ltc::config::integer_or(env, "MISSING", 7, 0, 100) == 7);
    BOOST_TEST(ltc::config::integer_or(env, "EMPTY", 7, 0, 100) == 7);
    BOOST_CHECK_THROW(ltc::config::integer_or(env, "N", 7, 0, 41), ConfigError);
    BOOST_TEST(ltc::config::require_string(env, "S") == "text");
    BOOST_CHECK_THROW(ltc::config::require_string(env, "EMPTY"), ConfigError);
    BOOST_CHECK_THROW(ltc::config::require_string(env, "MISSING"), ConfigError);
}

BOOST_AUTO_TEST_SUITE_END()
