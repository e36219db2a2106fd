#include "publiclink/public_link_store.hpp"

#include "db/query.hpp"
#include "publiclink/public_url.hpp"

namespace ltc::publiclink {

std::optional<PublicRecord> find_public_record(soci::session& sql, const std::string& token) {
    // The join lives in the function (V009) so that its plan is cached per connection.
    const auto row = db::query(sql, "SELECT * FROM public_link_record($1)", {token}).first();
    if (!row) return std::nullopt;
    PublicRecord record;
    record.vehicle_id = row->text(0);
    record.vehicle.vehicle_class = row->optional_text(1);
    record.vehicle.make = row->optional_text(2);
    record.vehicle.model = row->optional_text(3);
    if (const auto year = row->optional_integer(4)) record.vehicle.year = static_cast<int>(*year);
    record.vehicle.engine = row->optional_text(5);
    record.vehicle.vin_masked = row->text(6);
    record.vehicle.accident_status = row->text(7);
    if (!row->is_null(8)) record.trust = vehicles::StoredTrust{row->text(8), row->text(9), row->optional_text(10)};
    record.page_generation = *row->optional_integer(11);
    return record;
}

std::optional<PublicPage> find_public_page(soci::session& sql, const std::string& token) {
    const auto row =
        db::query(sql, "SELECT page, page_valid_until::text, page_release FROM public_links WHERE token = $1", {token})
            .first();
    if (!row) return std::nullopt;
    return PublicPage{row->optional_text(0), row->optional_text(1), row->optional_text(2)};
}

void store_public_page(soci::session& sql, const std::string& token, long long generation, const std::string& body,
                       const std::optional<std::string>& valid_until, const std::string& release) {
    db::query(sql,
              "UPDATE public_links SET page = $3, page_valid_until = $4::date, page_release = $5"
              " WHERE token = $1 AND page_generation = $2::bigint",
              {token, std::to_string(generation), body, valid_until, release});
}

void put_token(soci::session& sql, const std::string& vehicle_id, const std::string& token) {
    db::query(sql,
              "INSERT INTO public_links (vehicle_id, token) VALUES ($1::uuid, $2)"
              " ON CONFLICT (vehicle_id) DO UPDATE SET token = EXCLUDED.token, rotated_at = now()",
              {vehicle_id, token});
}

bool delete_link(soci::session& sql, const std::string& vehicle_id) {
    return db::query(sql, "DELETE FROM public_links WHERE vehicle_id = $1::uuid", {vehicle_id}).affected() > 0;
}

bool rotate_public_link(soci::session& sql, const std::string& vehicle_id) {
    return db::query(sql, "UPDATE public_links SET token = $2, rotated_at = now() WHERE vehicle_id = $1::uuid",
                     {vehicle_id, new_token()})
               .affected() > 0;
}

}  // namespace ltc::publiclink
