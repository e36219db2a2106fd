#include "cli/seed_plan.hpp"

#include <array>
#include <random>

namespace ltc::cli {

namespace {
std::mt19937_64 engine_for(std::uint64_t seed, std::uint64_t vehicle_index) {
    std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                           static_cast<std::uint32_t>(vehicle_index), static_cast<std::uint32_t>(vehicle_index >> 32)};
    return std::mt19937_64(sequence);
}

int between(std::mt19937_64& engine, int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine); }
}  // namespace

std::string seed_vin(std::uint64_t seed, std::uint64_t vehicle_index) {
    static constexpr std::string_view alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";  // 33 symbols, no I, O, Q
    // World manufacturer "LTC", then the seed and the index in base 33 (14 places: unique up to 33^7 each).
    std::string vin = "LTC";
    for (std::uint64_t value : {seed, vehicle_index}) {
        for (int place = 0; place < 7; ++place) {
            vin.push_back(alphabet[value % alphabet.size()]);
            value /= alphabet.size();
        }
    }
    return vin;
}

std::vector<SeedEntry> seed_entries(std::uint64_t seed, std::uint64_t vehicle_index, int count, const trust::CivilDate& today) {
    static constexpr std::array<const char*, 6> categories = {"wartung", "inspektion", "oelwechsel", "reifen", "bremsen", "hu_au"};
    static constexpr std::array<const char*, 3> performers = {"fachwerkstatt", "haendler", "autohaus"};
    auto engine = engine_for(seed, vehicle_index);
    std::vector<SeedEntry> entries(static_cast<std::size_t>(count));
    // Walk back from a recent date in service intervals of two to fourteen months.
    trust::CivilDate date = trust::add_days(today, -between(engine, 0, 200));
    for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
        entry->date = date;
        entry->category = categories[static_cast<std::size_t>(between(engine, 0, categories.size() - 1))];
        entry->performed_by = performers[static_cast<std::size_t>(between(engine, 0, performers.size() - 1))];
        entry->paper_book = between(engine, 0, 1) == 1;
        date = trust::add_days(date, -between(engine, 60, 420));
        if (date.year < 1990) date = trust::CivilDate{1990, 1, 1};
    }
    int km = between(engine, 1000, 20000);
    for (auto& entry : entries) {
        entry.odometer_km = km;
        km += between(engine, 2000, 25000);
        if (km > 2000000) km = 2000000;
    }
    return entries;
}

}  // namespace ltc::cli
