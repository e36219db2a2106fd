#include "http/request.hpp"

#include <cctype>

namespace ltc::http {

std::string Request::header(const std::string& lower_case_name) const {
    const auto found = headers.find(lower_case_name);
    return found != headers.end() ? found->second : std::string{};
}

std::optional<std::string> Request::cookie(const std::string& name) const {
    const auto found = cookies.find(name);
    if (found == cookies.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> Request::query_param(const std::string& name) const {
    const auto found = query.find(name);
    if (found == query.end()) return std::nullopt;
    return found->second;
}

std::string Request::param(const std::string& name) const {
    const auto found = params.find(name);
    return found != params.end() ? found->second : std::string{};
}

namespace {
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}
}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high < 0 || low < 0) return std::nullopt;
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

StringMap parse_query(std::string_view query) {
    StringMap result;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        const auto name = percent_decode(pair.substr(0, eq), true);
        const auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
        if (!name || !value || name->empty()) continue;
        result.emplace(*name, *value);
    }
    return result;
}

StringMap parse_cookies(std::string_view header) {
    StringMap result;
    while (!header.empty()) {
        const auto semi = header.find(';');
        const std::string_view pair = trim(header.substr(0, semi));
        header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        std::string_view value = trim(pair.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        result.emplace(std::string(trim(pair.substr(0, eq))), std::string(value));
    }
    return result;
}

std::string header_name_from_cgi(std::string_view variable) {
    constexpr std::string_view prefix = "HTTP_";
    std::string name;
    if (variable.starts_with(prefix)) {
        variable.remove_prefix(prefix.size());
    } else if (variable != "CONTENT_TYPE" && variable != "CONTENT_LENGTH") {
        return {};
    }
    for (const char c : variable) {
        name.push_back(c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return name;
}

std::pair<std::string, std::string> split_request_uri(std::string_view uri) {
    const auto question = uri.find('?');
    if (question == std::string_view::npos) return {std::string(uri), {}};
    return {std::string(uri.substr(0, question)), std::string(uri.substr(question + 1))};
}

}  // namespace ltc::http
