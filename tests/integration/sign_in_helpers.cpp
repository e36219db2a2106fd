#include "sign_in_helpers.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <random>
#include <regex>
#include <stdexcept>
#include <thread>

#include <libpq-fe.h>
#include <unistd.h>

namespace ltc::test {

namespace {
std::mt19937_64& generator() {
    static std::mt19937_64 engine(std::random_device{}());
    return engine;
}

struct Mail {
    std::filesystem::file_time_type written;
    std::string path;
};

std::vector<Mail> mail_files_to(const std::string& given_address) {
    std::string address = given_address;  // mail goes to the normalised (lower-case) address
    std::transform(address.begin(), address.end(), address.begin(), [](unsigned char c) { return std::tolower(c); });
    std::vector<Mail> found;
    const std::filesystem::path directory = var_dir() + "/mail";
    if (!std::filesystem::exists(directory)) return found;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() != ".eml") continue;
        const std::string content = read_file(entry.path().string());
        if (content.find("\r\nTo: " + address + "\r\n") == std::string::npos) continue;
        found.push_back(Mail{entry.last_write_time(), entry.path().string()});
    }
    std::sort(found.begin(), found.end(), [](const Mail& a, const Mail& b) { return a.path < b.path; });
    return found;
}

std::string env_file_value(const std::string& name) {
    const std::string content = read_file(var_dir() + "/ltc.env");
    const std::regex pattern("(^|\n)" + name + "=\"?([^\"\n]*)\"?");
    std::smatch match;
    if (!std::regex_search(content, match, pattern)) throw std::runtime_error(name + " not in ltc.env");
    return match[2].str();
}

PGconn* connect(const std::string& variable) {
    PGconn* connection = PQconnectdb(env_file_value(variable).c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(connection);
        PQfinish(connection);
        throw std::runtime_error("cannot connect: " + message);
    }
    return connection;
}
}  // namespace

std::string fresh_source_ip() {
    // 127.1.0.0/16 – 127.254.255.255: one random address per call, never 127.0.0.1.
    std::uniform_int_distribution<int> part(0, 255);
    std::uniform_int_distribution<int> second(1, 254);
    return "127." + std::to_string(second(generator())) + "." + std::to_string(part(generator())) + "." +
           std::to_string(part(generator()) % 254 + 1);
}

std::string fresh_address(const std::string& prefix) {
    std::uniform_int_distribution<unsigned long long> number;
    return prefix + "-" + std::to_string(number(generator()) % 1'000'000'000'000ULL) + "@example.com";
}

std::size_t mails_to(const std::string& address) { return mail_files_to(address).size(); }

namespace {
// The codes of the sign-in mails to `address`, oldest first. Other mails to the same address
// (a security notice written in the same millisecond as the code mail) never count.
std::vector<std::string> codes_mailed_to(const std::string& address) {
    static const std::regex code_line("Dein Login-Code: (\\d{6})");
    std::vector<std::string> codes;
    for (const Mail& mail : mail_files_to(address)) {
        const std::string content = read_file(mail.path);
        std::smatch match;
        if (std::regex_search(content, match, code_line)) codes.push_back(match[1].str());
    }
    return codes;
}
}  // namespace

std::size_t code_mails_to(const std::string& address) { return codes_mailed_to(address).size(); }

std::string read_code(const std::string& address, std::size_t skip_older_than_count) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < until) {
        const auto codes = codes_mailed_to(address);
        if (codes.size() > skip_older_than_count) return codes.back();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    throw std::runtime_error("no code mail arrived for " + address);
}

std::string request_code(StackClient& client, const std::string& address) {
    const Reply reply = client.post("/api/auth/request", R"({"email":")" + address + R"("})");
    if (reply.status != 202) throw std::runtime_error("code request answered " + std::to_string(reply.status) + " " + reply.body);
    return reply.json()->getValue<std::string>("challenge_id");
}

httplib::Headers Session::cookie() const { return {{"Cookie", "__Host-ltc_session=" + token}}; }

httplib::Headers Session::cookie_and_csrf() const {
    return {{"Cookie", "__Host-ltc_session=" + token}, {"X-CSRF-Token", csrf}};
}

httplib::Headers Session::bearer() const { return {{"Authorization", "Bearer " + token}}; }

Session sign_in(StackClient& client, const std::string& address) {
    const std::size_t earlier = code_mails_to(address);
    const std::string challenge = request_code(client, address);
    const std::string code = read_code(address, earlier);
    const Reply reply =
        client.post("/api/auth/verify", R"({"challenge_id":")" + challenge + R"(","code":")" + code + R"("})");
    if (reply.status != 200) throw std::runtime_error("verify answered " + std::to_string(reply.status) + " " + reply.body);
    Session session;
    session.set_cookie = reply.header("Set-Cookie");
    static const std::regex token_pattern("__Host-ltc_session=([^;]+);");
    std::smatch match;
    if (!std::regex_search(session.set_cookie, match, token_pattern)) throw std::runtime_error("no session cookie");
    session.token = match[1].str();
    const auto body = reply.json();
    session.csrf = body->getValue<std::string>("csrf_token");
    session.user_id = body->getObject("user")->getValue<std::string>("id");
    return session;
}

void accept_current_consent(StackClient& client, const Session& session) {
    // The versions current now: a test may have published newer ones than the seeded 2026-03-01.
    const Reply current = client.get("/api/consent");
    if (current.status != 200) throw std::runtime_error("GET /api/consent answered " + current.body);
    std::string accept;
    const auto documents = current.json()->getArray("current");
    for (std::size_t i = 0; i < documents->size(); ++i) {
        const auto document = documents->getObject(static_cast<unsigned>(i));
        accept += std::string(accept.empty() ? "" : ",") + R"({"doc":")" + document->getValue<std::string>("doc") +
                  R"(","version":")" + document->getValue<std::string>("version") + R"("})";
    }
    const Reply reply = client.post("/api/consent", R"({"accept":[)" + accept + "]}", "application/json",
                                    session.cookie_and_csrf());
    if (reply.status != 200) throw std::runtime_error("consent answered " + reply.body);
}

std::vector<std::vector<std::string>> query_as_owner(const std::string& sql) {
    PGconn* connection = connect_as_owner();
    PGresult* result = PQexec(connection, sql.c_str());
    std::vector<std::vector<std::string>> rows;
    if (PQresultStatus(result) == PGRES_TUPLES_OK) {
        for (int row = 0; row < PQntuples(result); ++row) {
            std::vector<std::string> values;
            for (int column = 0; column < PQnfields(result); ++column) values.emplace_back(PQgetvalue(result, row, column));
            rows.push_back(std::move(values));
        }
    }
    const bool failed = PQresultStatus(result) != PGRES_TUPLES_OK;
    const std::string message = PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(connection);
    if (failed) throw std::runtime_error("query failed: " + message);
    return rows;
}

PGconn* connect_as_app() { return connect("LTC_DATABASE_URL"); }

PGconn* connect_as_owner() { return connect("LTC_MIGRATE_DATABASE_URL"); }

std::string execute_as_app(const std::string& sql) {
    PGconn* connection = connect_as_app();
    PGresult* result = PQexec(connection, sql.c_str());
    const auto status = PQresultStatus(result);
    std::string message = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? "" : PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(connection);
    return message;
}

}  // namespace ltc::test
