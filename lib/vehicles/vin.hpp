#pragma once
// VIN rules (PRODUCT.md §5, API.md "Edge decisions"): normalisation, validation, the ISO 3779 /
// North-American check digit (reported, never a reason to refuse) and masking. Pure functions.
#include <optional>
#include <string>
#include <string_view>

namespace ltc::vehicles {

// First year of construction that needs a 17-character VIN (ISO 3779).
inline constexpr int vin_standard_from_year = 1981;

// Trims leading and trailing ASCII whitespace, upper-cases ASCII letters and drops every space
// and dash: " wvw-zzz 1jz 3w386752 " → "WVWZZZ1JZ3W386752". Other bytes are kept (and then
// refused by validate_vin).
std::string normalize_vin(std::string_view input);

enum class VinProblem {
    empty,          // nothing left after normalisation
    wrong_length,   // not 17 (from 1981 or without a year) / not 5..17 (before 1981)
    bad_character,  // anything but A–Z and 0–9, or I, O, Q in a modern VIN
};

// Nothing when `normalized` is acceptable for a vehicle built in `year`; the problem otherwise
// (the API answers every problem with 400 invalid_vin).
// - year given and < 1981: a chassis number of 5..17 ASCII letters (I, O, Q allowed) and digits;
// - otherwise (from 1981, or no year): exactly 17 of A–Z without I, O, Q, and digits.
// Expects a normalized VIN (lower-case letters are refused).
std::optional<VinProblem> validate_vin(std::string_view normalized, std::optional<int> year);

// The check digit position 9 would need ('0'..'9' or 'X'); nothing unless `normalized` is 17
// characters of the modern VIN alphabet.
std::optional<char> vin_check_digit(std::string_view normalized);

// Whether position 9 holds the ISO 3779 check digit (transliteration A=1 … Z=9, weights
// 8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2, sum mod 11, 10 = 'X'). Nothing for a pre-1981 chassis
// number (year given and < 1981) and for anything validate_vin refuses. Many European VINs do
// not use the check digit: false is reported, never refused.
std::optional<bool> vin_check_digit_valid(std::string_view normalized, std::optional<int> year);

// First three, one '*' per hidden character, last four from 8 characters on
// ("WVW**********1234"); below 8 characters the first character and one '*' per other
// character ("A****"); empty stays empty.
std::string mask_vin(std::string_view normalized);

}  // namespace ltc::vehicles
