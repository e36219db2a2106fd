// Fuzz target: VIN rules. Properties: normalising is idempotent; an accepted VIN is 5..17
// characters of A–Z and 0–9; the mask keeps the length and the last four; the check digit is
// judged only for accepted modern VINs.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_bytes.hpp"
#include "vehicles/vin.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ltc::fuzz::FuzzBytes input(data, size);
    const bool with_year = input.flag();
    const std::optional<int> year = with_year ? std::optional<int>(static_cast<int>(input.in_range(1886, 2100))) : std::nullopt;
    const std::string normalized = ltc::vehicles::normalize_vin(input.rest());
    if (ltc::vehicles::normalize_vin(normalized) != normalized) __builtin_trap();

    const auto problem = ltc::vehicles::validate_vin(normalized, year);
    const auto check = ltc::vehicles::vin_check_digit_valid(normalized, year);
    if (problem) {
        if (check) __builtin_trap();
        return 0;
    }
    if (normalized.size() < 5 || normalized.size() > 17) __builtin_trap();
    for (const char c : normalized) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) __builtin_trap();
    }
    const bool modern = !year || *year >= ltc::vehicles::vin_standard_from_year;
    if (modern != check.has_value()) __builtin_trap();
    const std::string masked = ltc::vehicles::mask_vin(normalized);
    if (masked.size() != normalized.size()) __builtin_trap();
    if (normalized.size() >= 8 && masked.substr(masked.size() - 4) != normalized.substr(normalized.size() - 4)) __builtin_trap();
    return 0;
}
