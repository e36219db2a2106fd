#pragma once
// The pure part of `ltc seed`: the facts of seeded vehicles and entries, a function of the seed
// and the position only, so every run with the same seed makes the same data.
#include <cstdint>
#include <string>
#include <vector>

#include "trust/civil_date.hpp"

namespace ltc::cli {

struct SeedEntry {
    trust::CivilDate date;
    int odometer_km = 0;
    std::string category;
    std::string performed_by;
    bool paper_book = false;
};

// A 17-character VIN of the modern alphabet, unique per (seed, vehicle index).
std::string seed_vin(std::uint64_t seed, std::uint64_t vehicle_index);

// K entries of one vehicle, oldest first, every date on or before `today`, odometer rising.
std::vector<SeedEntry> seed_entries(std::uint64_t seed, std::uint64_t vehicle_index, int count, const trust::CivilDate& today);

}  // namespace ltc::cli
