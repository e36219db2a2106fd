// Fuzz target: the route matcher. The input is route templates, one per line ("METHOD /path"),
// an empty line, then the request ("METHOD /path"); the seeds hold the real table (`ltc
// routes`). Properties: a match fills every parameter with the non-empty segment at its place
// and the literals equal the path's; a 405 names the methods allowed (never the one asked).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_bytes.hpp"
#include "http/router.hpp"

namespace {
std::pair<std::string, std::string> method_and_path(const std::string& line) {
    const auto space = line.find(' ');
    if (space == std::string::npos) return {line, {}};
    return {line.substr(0, space), line.substr(space + 1)};
}

bool is_parameter(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ltc::fuzz::FuzzBytes input(data, size);
    ltc::http::Router router;
    const ltc::http::Handler handler = [](ltc::http::Request&) { return ltc::http::Response{}; };
    for (std::string line = input.line(); !line.empty(); line = input.line()) {
        const auto [method, route_template] = method_and_path(line);
        // Router::add refuses templates without a leading '/'; every registered method is a word.
        if (!route_template.starts_with('/') || method.empty()) continue;
        router.add(method, route_template, handler);
    }
    const auto [method, path] = method_and_path(input.line());

    const ltc::http::RouteMatch match = router.match(method, path);
    using Kind = ltc::http::RouteMatch::Kind;
    if (match.kind == Kind::found) {
        const auto pattern = ltc::http::split_path(match.route_template);
        const auto segments = ltc::http::split_path(path);
        if (match.handler == nullptr || pattern.size() != segments.size()) __builtin_trap();
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            if (!is_parameter(pattern[i])) {
                if (pattern[i] != segments[i]) __builtin_trap();
                continue;
            }
            const auto value = match.params.find(pattern[i].substr(1, pattern[i].size() - 2));
            if (value == match.params.end() || value->second.empty() || value->second.find('/') != std::string::npos) {
                __builtin_trap();
            }
        }
    } else if (match.kind == Kind::method_not_allowed) {
        if (match.allow.empty() || match.handler != nullptr) __builtin_trap();
        for (std::size_t start = 0; start <= match.allow.size();) {
            const auto comma = match.allow.find(", ", start);
            const std::string allowed = match.allow.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (allowed == method) __builtin_trap();
            if (comma == std::string::npos) break;
            start = comma + 2;
        }
    } else if (match.handler != nullptr || match.route_template != "unmatched" || !match.allow.empty()) {
        __builtin_trap();
    }
    return 0;
}
