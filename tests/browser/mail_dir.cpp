#include "mail_dir.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

namespace ltc::browser {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct Message {
    std::string to;   // the bare address of the To: header
    std::string body; // decoded
};

// Splits a message into its To: address and its decoded body (headers unfolded, CRLF or LF).
Message parseMessage(const std::string& raw) {
    Message message;
    std::size_t header_end = raw.find("\r\n\r\n");
    std::size_t body_start = header_end == std::string::npos ? std::string::npos : header_end + 4;
    if (header_end == std::string::npos) {
        header_end = raw.find("\n\n");
        body_start = header_end == std::string::npos ? raw.size() : header_end + 2;
    }
    const std::string headers = raw.substr(0, header_end == std::string::npos ? raw.size() : header_end);

    std::vector<std::string> lines;
    std::istringstream in(headers);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!lines.empty() && !line.empty() && (line[0] == ' ' || line[0] == '\t')) {
            lines.back() += line; // folded header
        } else {
            lines.push_back(line);
        }
    }
    bool quoted_printable = false;
    for (const auto& line : lines) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string name = lower(trim(line.substr(0, colon)));
        const std::string value = trim(line.substr(colon + 1));
        if (name == "to") {
            // "Name <a@b>" or a bare address.
            const auto open = value.rfind('<');
            const auto close = value.rfind('>');
            message.to = open != std::string::npos && close != std::string::npos && close > open
                             ? trim(value.substr(open + 1, close - open - 1))
                             : value;
        } else if (name == "content-transfer-encoding") {
            quoted_printable = lower(value) == "quoted-printable";
        }
    }
    const std::string body = body_start <= raw.size() ? raw.substr(body_start) : std::string{};
    message.body = quoted_printable ? decodeQuotedPrintable(body) : body;
    return message;
}

} // namespace

std::string mailDir() {
    if (const char* dir = std::getenv("LTC_MAIL_DIR"); dir && *dir) return dir;
    const char* var = std::getenv("LTC_VAR_DIR");
    return std::string(var && *var ? var : "var/test") + "/mail";
}

std::string decodeQuotedPrintable(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '=') {
            out += text[i];
            continue;
        }
        // Soft line break: "=" then optional trailing blanks, then CRLF or LF.
        std::size_t j = i + 1;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
        if (j + 1 < text.size() && text[j] == '\r' && text[j + 1] == '\n') {
            i = j + 1;
            continue;
        }
        if (j < text.size() && text[j] == '\n') {
            i = j;
            continue;
        }
        if (j == text.size()) break; // "=" at the very end: a soft break before nothing
        if (i + 2 < text.size()) {
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += '='; // malformed: keep it
    }
    return out;
}

std::optional<std::string> latestLoginCode(const std::string& dir, const std::string& address) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) return std::nullopt;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        // The mailer writes "<name>.eml.tmp" and renames it: only finished messages end in .eml.
        if (entry.is_regular_file(error) && entry.path().extension() == ".eml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.filename() > b.filename(); });

    static const std::regex code_line("Dein Login-Code: ([0-9]{6})(?![0-9])");
    const std::string wanted = lower(trim(address));
    for (const auto& file : files) {
        const Message message = parseMessage(readFile(file));
        if (lower(message.to) != wanted) continue;
        std::smatch match;
        if (std::regex_search(message.body, match, code_line)) return match[1].str();
        return std::nullopt; // the newest mail to this address carries no code
    }
    return std::nullopt;
}

std::optional<std::string> waitForLoginCode(const std::string& address, std::chrono::milliseconds timeout,
                                            const std::optional<std::string>& previous) {
    const std::string dir = mailDir();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (auto code = latestLoginCode(dir, address); code && code != previous) return code;
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

} // namespace ltc::browser
