#include "admin_helpers.hpp"

#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <random>
#include <regex>
#include <stdexcept>
#include <thread>

#include <Poco/JSON/Array.h>

#include "totp/base32.hpp"
#include "totp/totp.hpp"

namespace ltc::test {

namespace {
std::string session_token_of(const Reply& reply) {
    static const std::regex token_pattern("__Host-ltc_session=([^;]+);");
    std::smatch match;
    const std::string cookie = reply.header("Set-Cookie");
    if (!std::regex_search(cookie, match, token_pattern)) throw std::runtime_error("no session cookie in " + reply.body);
    return match[1].str();
}

std::string raw_secret(const std::string& base32_secret) {
    const auto secret = totp::base32_decode(base32_secret);
    if (!secret) throw std::runtime_error("the enrolment secret is not base32");
    return *secret;
}
}  // namespace

void create_admin_with_cli(const std::string& address, const std::string& role) {
    const std::string command = env_or("LTC_ROOT", ".") + "/scripts/ltc-local.sh create-admin --email '" + address +
                                "' --role " + role + " >/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("ltc create-admin failed for role " + role);
}

std::string totp_now(const std::string& base32_secret, long offset_seconds) {
    return totp::totp_code(raw_secret(base32_secret), static_cast<std::int64_t>(std::time(nullptr)) + offset_seconds);
}

std::string wrong_totp(const std::string& base32_secret) {
    for (const std::string candidate : {"000000", "111111", "222222"}) {
        bool matches = false;
        for (const long offset : {-60L, -30L, 0L, 30L, 60L}) matches = matches || candidate == totp_now(base32_secret, offset);
        if (!matches) return candidate;
    }
    throw std::runtime_error("no wrong code found");
}

std::string json_string(const std::string& text) { return "\"" + text + "\""; }

std::string random_uuid() { return query_as_owner("SELECT gen_random_uuid()::text")[0][0]; }

std::string new_vin() {
    std::string vin;
    for (const char c : random_uuid()) {
        if (c != '-') vin.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return vin.substr(0, 17);
}

long long count_rows(const std::string& sql) { return std::stoll(query_as_owner(sql)[0][0]); }

bool mail_with_text_arrives(const std::string& address, const std::string& text) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    const std::filesystem::path directory = var_dir() + "/mail";
    while (std::chrono::steady_clock::now() < until) {
        for (const auto& entry : std::filesystem::directory_iterator(directory)) {
            if (entry.path().extension() != ".eml") continue;
            const std::string content = read_file(entry.path().string());
            if (content.find("\r\nTo: " + address + "\r\n") != std::string::npos && content.find(text) != std::string::npos) {
                return true;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
}

Admin::Admin(const std::string& admin_role, const std::string& prefix)
    : client(fresh_source_ip()), address(fresh_address(prefix)), role(admin_role) {
    create_admin_with_cli(address, role);
    session = sign_in(client, address);
    const Reply enrolled = client.post("/api/auth/totp/enroll", "", "application/json", session.cookie_and_csrf());
    if (enrolled.status != 200) throw std::runtime_error("enroll answered " + enrolled.body);
    secret = enrolled.json()->getValue<std::string>("secret");
    const Reply activated = client.post("/api/auth/totp/activate", R"({"code":")" + totp_now(secret) + R"("})",
                                        "application/json", session.cookie_and_csrf());
    if (activated.status != 200) throw std::runtime_error("activate answered " + activated.body);
    session.token = session_token_of(activated);
    session.csrf = activated.json()->getValue<std::string>("csrf_token");
    const auto codes = activated.json()->getArray("backup_codes");
    for (std::size_t i = 0; i < codes->size(); ++i) backup_codes.push_back(codes->getElement<std::string>(static_cast<unsigned>(i)));
    accept_current_consent(client, session);
}

Reply Admin::send(const std::string& method, const std::string& path, const std::string& body) {
    return send_with(session, method, path, body);
}

Reply Admin::send_with(const Session& other, const std::string& method, const std::string& path, const std::string& body) {
    return client.request(method, path, body, "application/json", other.cookie_and_csrf());
}

std::string Admin::next_backup_code() {
    if (used_backup_codes_ >= backup_codes.size()) throw std::runtime_error("no backup code left");
    return backup_codes[used_backup_codes_++];
}

void Admin::step_up() { step_up(session); }

void Admin::step_up(const Session& other) {
    const Reply reply = send_with(other, "POST", "/api/auth/step-up", R"({"code":")" + next_backup_code() + R"("})");
    if (reply.status != 200) throw std::runtime_error("step-up answered " + reply.body);
}

Session Admin::sign_in_again() { return sign_in(client, address); }

Session Admin::sign_in_with_code(const std::string& code) {
    Session pending = sign_in_again();
    const Reply verified = send_with(pending, "POST", "/api/auth/totp/verify", R"({"code":")" + code + R"("})");
    if (verified.status != 200) throw std::runtime_error("totp/verify answered " + verified.body);
    pending.token = session_token_of(verified);
    pending.csrf = verified.json()->getValue<std::string>("csrf_token");
    return pending;
}

Member::Member(const std::string& prefix) : client(fresh_source_ip()), address(fresh_address(prefix)) {
    session = sign_in(client, address);
    accept_current_consent(client, session);
}

Member::Member(Admin& superadmin, const std::string& role, const std::string& prefix) : Member(prefix) {
    if (role == "user") return;
    const Reply changed = set_role(superadmin, session.user_id, role);
    if (changed.status != 200) throw std::runtime_error("role change answered " + changed.body);
}

Reply Member::send(const std::string& method, const std::string& path, const std::string& body) {
    return client.request(method, path, body, "application/json", session.cookie_and_csrf());
}

Reply set_role(Admin& by, const std::string& user_id, const std::string& role, const std::string& reason) {
    return by.send("PUT", "/api/admin/users/" + user_id + "/role",
                   R"({"role":")" + role + R"(","reason":")" + reason + R"("})");
}

std::string create_vehicle(Member& owner, const std::string& vin) {
    const Reply reply = owner.send("POST", "/api/vehicles", R"({"vin":")" + vin + R"("})");
    if (reply.status != 201) throw std::runtime_error("vehicle not created: " + reply.body);
    return reply.json()->getValue<std::string>("id");
}

}  // namespace ltc::test
