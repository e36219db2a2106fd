#include "cli/seed_command.hpp"

#include "auth/users.hpp"
#include "crypto/random.hpp"
#include "cli/cli_context.hpp"
#include "cli/seed_plan.hpp"
#include "consent/consent_store.hpp"
#include "db/query.hpp"
#include "trust/berlin_date.hpp"
#include "vehicles/trust_summary.hpp"
#include "vehicles/vehicle_store.hpp"
#include "vehicles/vin_protection.hpp"

namespace ltc::cli {

namespace {
struct SeedOptions {
    long owners = 0;
    long vehicles_per_owner = 0;
    long entries_per_vehicle = 0;
    std::uint64_t seed = 1;
};

std::optional<SeedOptions> parse_options(const std::vector<std::string>& args) {
    SeedOptions options;
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
        const std::string& name = args[i];
        long value = 0;
        try {
            value = std::stol(args[i + 1]);
        } catch (const std::exception&) {
            return std::nullopt;
        }
        if (value < 0) return std::nullopt;
        if (name == "--owners") options.owners = value;
        else if (name == "--vehicles-per-owner") options.vehicles_per_owner = value;
        else if (name == "--entries-per-vehicle") options.entries_per_vehicle = value;
        else if (name == "--seed") options.seed = static_cast<std::uint64_t>(value);
        else return std::nullopt;
    }
    if (args.size() % 2 != 0 || options.owners < 1 || options.vehicles_per_owner < 1) return std::nullopt;
    return options;
}

// "($1::uuid, $2::int, …), (…)" for `rows` rows of these column casts.
std::string value_rows(std::size_t rows, const std::vector<std::string>& casts) {
    std::string text;
    std::size_t number = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        text += row == 0 ? "(" : ", (";
        for (std::size_t column = 0; column < casts.size(); ++column) {
            text += (column == 0 ? "$" : ", $") + std::to_string(++number) + casts[column];
        }
        text += ")";
    }
    return text;
}


void insert_entries(soci::session& sql, const std::string& vehicle_id, const std::string& owner_id,
                    const std::vector<SeedEntry>& entries) {
    static const std::vector<std::string> casts = {"::uuid", "::int", "::uuid", "::date", "", "", "::int", "::boolean", "::uuid"};
    constexpr std::size_t rows_per_statement = 5000;  // 9 parameters a row, below PostgreSQL's 65535
    for (std::size_t start = 0; start < entries.size(); start += rows_per_statement) {
        const std::size_t rows = std::min(rows_per_statement, entries.size() - start);
        std::vector<db::Param> params;
        params.reserve(rows * casts.size());
        for (std::size_t i = start; i < start + rows; ++i) {
            const SeedEntry& entry = entries[i];
            for (db::Param param : {db::Param(crypto::random_uuid()), db::Param(1), db::Param(vehicle_id),
                                    db::Param(trust::format_iso_date(entry.date)), db::Param(entry.category),
                                    db::Param(entry.performed_by), db::Param(entry.odometer_km), db::Param(entry.paper_book),
                                    db::Param(owner_id)}) {
                params.push_back(std::move(param));
            }
        }
        db::query(sql,
                  "INSERT INTO entry_versions (entry_id, version, vehicle_id, date, category, performed_by, odometer_km,"
                  " paper_book, created_by) VALUES " + value_rows(rows, casts),
                  params);
    }
}

// One owner with their vehicles, entries and trust summaries, in one transaction; false when
// this owner was seeded before (the run is repeatable).
bool seed_owner(CliContext& context, const SeedOptions& options, long owner, const trust::CivilDate& today) {
    const crypto::KeyRing& keys = context.keys;
    bool created = false;
    context.database.transaction([&](soci::session& tx) {
        const std::uint64_t first_vehicle = static_cast<std::uint64_t>(owner * options.vehicles_per_owner);
        if (vehicles::vin_registered(tx, vehicles::vin_hmac_of(keys, seed_vin(options.seed, first_vehicle)))) return;
        const std::string email = "seed-" + std::to_string(options.seed) + "-" + std::to_string(owner) + "@seed.example";
        const auth::User user = auth::find_or_create_user(tx, keys, email);
        // More than one vehicle is beyond the free tier: such owners are dealers.
        if (options.vehicles_per_owner > 1) auth::set_role_and_status(tx, user.id, "dealer", "active");
        for (const auto& document : consent::missing_documents(tx, user.id)) consent::accept(tx, user.id, document, "seed");
        for (long v = 0; v < options.vehicles_per_owner; ++v) {
            const std::uint64_t index = first_vehicle + static_cast<std::uint64_t>(v);
            vehicles::VehicleFields fields;
            fields.make = "Seedwagen";
            fields.model = "Modell " + std::to_string(index % 7);
            fields.year = 2015;
            fields.vehicle_class = "alltag";
            fields.accident_status = "unfallfrei";
            const std::string id = crypto::random_uuid();
            vehicles::insert_vehicle(tx, id, user.id, vehicles::protect_vin(keys, id, seed_vin(options.seed, index), fields.year),
                                     fields, keys.version());
            insert_entries(tx, id, user.id, seed_entries(options.seed, index, static_cast<int>(options.entries_per_vehicle), today));
            vehicles::refresh_trust_summary(tx, id, today);
        }
        created = true;
    });
    return created;
}
}  // namespace

int seed_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const auto options = parse_options(args);
    if (!options) {
        err << "usage: ltc seed --owners N --vehicles-per-owner M --entries-per-vehicle K [--seed S]\n";
        return 2;
    }
    return run_with_context("seed", err, [&](CliContext& context) {
        const auto today = trust::berlin_today(context.config.today_override);
        long created = 0;
        for (long owner = 0; owner < options->owners; ++owner) {
            if (seed_owner(context, *options, owner, today)) ++created;
        }
        out << "seed: " << created << " owners created (" << options->owners - created << " were there), "
            << created * options->vehicles_per_owner << " vehicles, "
            << created * options->vehicles_per_owner * options->entries_per_vehicle << " entries\n";
        return 0;
    });
}

}  // namespace ltc::cli
