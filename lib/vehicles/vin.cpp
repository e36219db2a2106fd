#include "vehicles/vin.hpp"

#include <array>

namespace ltc::vehicles {

namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_modern_vin_char(char c) {
    return is_digit(c) || (is_upper(c) && c != 'I' && c != 'O' && c != 'Q');
}

bool is_chassis_char(char c) { return is_digit(c) || is_upper(c); }

bool pre_standard(std::optional<int> year) {
    return year.has_value() && *year < vin_standard_from_year;
}

// ISO 3779 / 49 CFR 565 transliteration; I, O and Q never occur in a modern VIN.
int transliterate(char c) {
    if (is_digit(c)) return c - '0';
    switch (c) {
        case 'A': case 'J': return 1;
        case 'B': case 'K': case 'S': return 2;
        case 'C': case 'L': case 'T': return 3;
        case 'D': case 'M': case 'U': return 4;
        case 'E': case 'N': case 'V': return 5;
        case 'F': case 'W': return 6;
        case 'G': case 'P': case 'X': return 7;
        case 'H': case 'Y': return 8;
        case 'R': case 'Z': return 9;
        default: return 0;
    }
}

constexpr std::array<int, 17> weights{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

}  // namespace

std::string normalize_vin(std::string_view input) {
    std::string out;
    out.reserve(input.size());
    for (char c : input) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        out.push_back(c);
    }
    // Trimmed after the dashes are gone, so "-\t-WVW…" loses its tab too (and normalising
    // twice changes nothing).
    std::size_t begin = 0;
    std::size_t end = out.size();
    while (begin < end && is_ascii_space(out[begin])) ++begin;
    while (end > begin && is_ascii_space(out[end - 1])) --end;
    return out.substr(begin, end - begin);
}

std::optional<VinProblem> validate_vin(std::string_view normalized, std::optional<int> year) {
    if (normalized.empty()) return VinProblem::empty;
    if (pre_standard(year)) {
        for (char c : normalized) {
            if (!is_chassis_char(c)) return VinProblem::bad_character;
        }
        if (normalized.size() < 5 || normalized.size() > 17) return VinProblem::wrong_length;
        return std::nullopt;
    }
    for (char c : normalized) {
        if (!is_modern_vin_char(c)) return VinProblem::bad_character;
    }
    if (normalized.size() != 17) return VinProblem::wrong_length;
    return std::nullopt;
}

std::optional<char> vin_check_digit(std::string_view normalized) {
    if (validate_vin(normalized, std::nullopt)) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        sum += transliterate(normalized[i]) * weights[i];
    }
    const int remainder = sum % 11;
    return remainder == 10 ? 'X' : static_cast<char>('0' + remainder);
}

std::optional<bool> vin_check_digit_valid(std::string_view normalized, std::optional<int> year) {
    if (pre_standard(year)) return std::nullopt;
    const auto expected = vin_check_digit(normalized);
    if (!expected) return std::nullopt;
    return normalized[8] == *expected;
}

std::string mask_vin(std::string_view normalized) {
    const std::size_t length = normalized.size();
    if (length == 0) return {};
    if (length < 8) return std::string(normalized.substr(0, 1)) + std::string(length - 1, '*');
    return std::string(normalized.substr(0, 3)) + std::string(length - 7, '*') +
           std::string(normalized.substr(length - 4));
}

}  // namespace ltc::vehicles
