#include "cli/demo_command.hpp"


#include "auth/users.hpp"
#include "crypto/random.hpp"
#include "cli/cli_context.hpp"
#include "consent/consent_store.hpp"
#include "entries/entry_store.hpp"
#include "publiclink/public_link_store.hpp"
#include "publiclink/public_url.hpp"
#include "trust/berlin_date.hpp"
#include "vehicles/trust_summary.hpp"
#include "vehicles/vehicle_store.hpp"
#include "vehicles/vin_protection.hpp"

namespace ltc::cli {

namespace {
constexpr const char* demo_email = "demo@lifetimecircle.example";
constexpr const char* demo_vin = "WVWZZZ1KZ6W000001";

void add_entry(soci::session& sql, const std::string& vehicle_id, const std::string& user_id, const std::string& date,
               const std::string& category, int km, bool paper_book, const std::string& note) {
    entries::EntryVersion entry;
    entry.entry_id = crypto::time_ordered_uuid();
    entry.version = 1;
    entry.fields.date = date;
    entry.fields.category = category;
    entry.fields.performed_by = "fachwerkstatt";
    entry.fields.odometer_km = km;
    entry.fields.paper_book = paper_book;
    entry.fields.note = note;
    entry.created_by = user_id;
    entries::insert_version(sql, vehicle_id, entry);
}
}  // namespace

int demo_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty()) {
        err << "usage: ltc demo-seed\n";
        return 2;
    }
    return run_with_context("demo-seed", err, [&out](CliContext& context) {
        const crypto::KeyRing& keys = context.keys;
        bool created = false;
        std::string public_token;
        context.database.transaction([&](soci::session& tx) {
            const auth::User user = auth::find_or_create_user(tx, keys, demo_email);
            for (const auto& document : consent::missing_documents(tx, user.id)) consent::accept(tx, user.id, document, "demo-seed");
            if (vehicles::vin_registered(tx, vehicles::vin_hmac_of(keys, demo_vin))) return;
            vehicles::VehicleFields fields;
            fields.nickname = "Demo-Golf";
            fields.vehicle_class = "alltag";
            fields.make = "Volkswagen";
            fields.model = "Golf V";
            fields.year = 2006;
            fields.engine = "1.9 TDI";
            fields.accident_status = "unfallfrei";
            const std::string id = crypto::random_uuid();
            vehicles::insert_vehicle(tx, id, user.id, vehicles::protect_vin(keys, id, demo_vin, fields.year), fields, keys.version());
            add_entry(tx, id, user.id, "2023-04-12", "inspektion", 182400, true, "Inspektion mit Ölwechsel");
            add_entry(tx, id, user.id, "2024-05-03", "hu_au", 195120, true, "HU/AU ohne Mängel");
            add_entry(tx, id, user.id, "2025-06-20", "bremsen", 207880, false, "Bremsbeläge vorne");
            vehicles::refresh_trust_summary(tx, id, trust::berlin_today(context.config.today_override));
            // Its public page is on, for the smoke test (scripts/smoke) and to show the trust page.
            public_token = publiclink::new_token();
            publiclink::put_token(tx, id, public_token);
            created = true;
        });
        out << (created ? "demo vehicle created for " : "demo vehicle already present for ") << demo_email << '\n';
        if (created) out << "demo public page: " << publiclink::public_url(context.config, public_token) << '\n';
        return 0;
    });
}

}  // namespace ltc::cli
