#pragma once
// Black-box access to the stack under test: HTTPS through nginx, and the stack script for
// stopping/freezing PostgreSQL. Settings come from the environment scripts/test.sh exports.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>
#include <Poco/JSON/Object.h>

namespace ltc::test {

struct Reply {
    int status = 0;
    httplib::Headers headers;
    std::string body;

    std::string header(const std::string& name) const;
    Poco::JSON::Object::Ptr json() const;
    // The error code of an envelope; empty when the body is not one.
    std::string error_code() const;
};

class StackClient {
public:
    // source_ip: a loopback address (127.x.y.z) to connect from, so tests of per-IP limits
    // do not share a counter with each other.
    explicit StackClient(const std::string& source_ip = {});
    Reply get(const std::string& path, const httplib::Headers& headers = {});
    Reply post(const std::string& path, const std::string& body, const std::string& content_type = "application/json",
               const httplib::Headers& headers = {});
    Reply request(const std::string& method, const std::string& path, const std::string& body = {},
                  const std::string& content_type = "application/json", const httplib::Headers& headers = {});
    void set_read_timeout_seconds(int seconds);

private:
    httplib::Client client_;
};

std::string env_or(const char* name, const std::string& fallback);
std::string var_dir();
// Runs scripts/stack.sh <action>; fails the test when it fails.
void stack_action(const std::string& action);
// Pids of the FastCGI workers (children of multiwatch).
std::vector<int> worker_pids();
std::string read_file(const std::string& path);
// The standard output of a shell command (stderr dropped) and its exit status.
std::string run_command(const std::string& command, int& status);
// Follows until a condition holds, for things that settle asynchronously (a respawned worker).
bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit = std::chrono::milliseconds(10000));
// The value of one Prometheus sample line (exact label set), 0 when absent.
double metric_value(const std::string& metrics_text, const std::string& series);

}  // namespace ltc::test
