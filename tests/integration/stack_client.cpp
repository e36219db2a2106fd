#include "stack_client.hpp"

#include <array>
#include <cstdio>
#include <thread>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <Poco/JSON/Parser.h>

namespace ltc::test {

std::string env_or(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

std::string var_dir() { return env_or("LTC_VAR_DIR", "var/test"); }

std::string Reply::header(const std::string& name) const {
    const auto found = headers.find(name);
    return found != headers.end() ? found->second : std::string{};
}

Poco::JSON::Object::Ptr Reply::json() const {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string Reply::error_code() const {
    try {
        return json()->getObject("error")->getValue<std::string>("code");
    } catch (const std::exception&) {
        return {};
    }
}

StackClient::StackClient(const std::string& source_ip) : client_(env_or("LTC_BASE_URL", "https://127.0.0.1:18443")) {
    client_.enable_server_certificate_verification(false);
    if (!source_ip.empty()) client_.set_interface(source_ip);
    client_.set_connection_timeout(5);
    client_.set_read_timeout(15);
}

void StackClient::set_read_timeout_seconds(int seconds) { client_.set_read_timeout(seconds); }

Reply StackClient::request(const std::string& method, const std::string& path, const std::string& body,
                           const std::string& content_type, const httplib::Headers& headers) {
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.headers = headers;
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        request.body = body;
        if (!content_type.empty()) request.set_header("Content-Type", content_type);
    }
    const httplib::Result result = client_.send(request);
    if (!result) throw std::runtime_error("no answer for " + method + " " + path + ": " + httplib::to_string(result.error()));
    return Reply{result->status, result->headers, result->body};
}

Reply StackClient::get(const std::string& path, const httplib::Headers& headers) {
    return request("GET", path, {}, {}, headers);
}

Reply StackClient::post(const std::string& path, const std::string& body, const std::string& content_type,
                        const httplib::Headers& headers) {
    return request("POST", path, body, content_type, headers);
}

void stack_action(const std::string& action) {
    const std::string root = env_or("LTC_ROOT", ".");
    const std::string command = root + "/scripts/stack.sh " + action + " >/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("stack.sh " + action + " failed");
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::vector<int> worker_pids() {
    std::string pool = read_file(var_dir() + "/run/ltc-fcgi.pid");
    while (!pool.empty() && (pool.back() == '\n' || pool.back() == ' ')) pool.pop_back();
    std::istringstream children(read_file("/proc/" + pool + "/task/" + pool + "/children"));
    std::vector<int> pids;
    for (int pid = 0; children >> pid;) pids.push_back(pid);
    return pids;
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return condition();
}

double metric_value(const std::string& metrics_text, const std::string& series) {
    std::istringstream lines(metrics_text);
    for (std::string line; std::getline(lines, line);) {
        if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 && line[series.size()] == ' ') {
            return std::stod(line.substr(series.size() + 1));
        }
    }
    return 0;
}

std::string run_command(const std::string& command, int& status) {
    std::string out;
    FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run: " + command);
    std::array<char, 4096> buffer{};
    while (const std::size_t read = std::fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), read);
    status = pclose(pipe);
    return out;
}

}  // namespace ltc::test
