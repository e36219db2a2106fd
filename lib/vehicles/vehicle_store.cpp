#include "vehicles/vehicle_store.hpp"

#include "db/rows.hpp"

namespace ltc::vehicles {

namespace {
std::string select_columns() {
    return "SELECT v.id, v.owner_id, u.role, v.vin_ciphertext, v.vin_hmac, v.vin_masked, v.vin_check_digit_valid::int,"
           " v.nickname, v.vehicle_class, v.make, v.model, v.year, v.engine, v.accident_status,"
           " v.accident_closed::int, " +
           db::iso_utc("v.created_at") + ", " + db::iso_utc("v.updated_at") + ", " + db::iso_utc("v.deleted_at") +
           ", v.delete_reason, (v.deleted_at > now() - interval '30 days')::int,"
           " (SELECT count(DISTINCT e.entry_id) FROM entry_versions e WHERE e.vehicle_id = v.id)::int"
           " FROM vehicles v JOIN users u ON u.id = v.owner_id";
}

Vehicle from_row(const soci::row& row) {
    Vehicle vehicle;
    vehicle.id = db::text(row, 0);
    vehicle.owner_id = db::text(row, 1);
    vehicle.owner_role = db::text(row, 2);
    vehicle.vin.ciphertext = db::text(row, 3);
    vehicle.vin.hmac = db::text(row, 4);
    vehicle.vin.masked = db::text(row, 5);
    vehicle.vin.check_digit_valid = db::optional_bool(row, 6);
    vehicle.fields.nickname = db::optional_text(row, 7);
    vehicle.fields.vehicle_class = db::optional_text(row, 8);
    vehicle.fields.make = db::optional_text(row, 9);
    vehicle.fields.model = db::optional_text(row, 10);
    vehicle.fields.year = db::optional_int(row, 11);
    vehicle.fields.engine = db::optional_text(row, 12);
    vehicle.fields.accident_status = db::text(row, 13);
    vehicle.fields.accident_closed = db::flag(row, 14);
    vehicle.created_at = db::text(row, 15);
    vehicle.updated_at = db::text(row, 16);
    vehicle.deleted_at = db::optional_text(row, 17);
    vehicle.delete_reason = db::optional_text(row, 18);
    vehicle.deleted_within_restore_window = db::flag(row, 19);
    vehicle.entry_count = db::integer(row, 20);
    return vehicle;
}

// soci::use needs an lvalue indicator per optional value.
struct Nullable {
    std::string value;
    soci::indicator indicator;
    explicit Nullable(const std::optional<std::string>& optional)
        : value(optional.value_or("")), indicator(optional ? soci::i_ok : soci::i_null) {}
};
}  // namespace

std::optional<Vehicle> load_vehicle(soci::session& sql, const std::string& id) {
    soci::rowset<soci::row> rows = (sql.prepare << select_columns() << " WHERE v.id = CAST(:id AS uuid)", soci::use(id));
    for (const auto& row : rows) return from_row(row);
    return std::nullopt;
}

std::vector<Vehicle> list_vehicles(soci::session& sql, VehicleListing listing, const std::string& owner_id,
                                   const http::Page& page) {
    // Every variant binds :owner (SOCI needs each named value used), the admin ones trivially.
    std::string where;
    switch (listing) {
        case VehicleListing::own_active: where = " WHERE v.deleted_at IS NULL AND v.owner_id = CAST(:owner AS uuid)"; break;
        case VehicleListing::all_active: where = " WHERE v.deleted_at IS NULL AND CAST(:owner AS text) IS NOT NULL"; break;
        case VehicleListing::all_deleted: where = " WHERE v.deleted_at IS NOT NULL AND CAST(:owner AS text) IS NOT NULL"; break;
    }
    const long long limit = page.limit + 1;
    const long long offset = page.offset;
    soci::rowset<soci::row> rows = (sql.prepare << select_columns() << where
                                                << " ORDER BY v.created_at, v.id LIMIT :limit OFFSET :offset",
                                    soci::use(owner_id, "owner"), soci::use(limit, "limit"), soci::use(offset, "offset"));
    std::vector<Vehicle> vehicles;
    for (const auto& row : rows) vehicles.push_back(from_row(row));
    return vehicles;
}

long long lock_owner_and_count_active(soci::session& sql, const std::string& owner_id) {
    std::string locked;
    sql << "SELECT id FROM users WHERE id = CAST(:id AS uuid) FOR UPDATE", soci::use(owner_id), soci::into(locked);
    long long count = 0;
    sql << "SELECT count(*) FROM vehicles WHERE owner_id = CAST(:id AS uuid) AND deleted_at IS NULL", soci::use(owner_id),
        soci::into(count);
    return count;
}

bool vin_registered(soci::session& sql, const std::string& vin_hmac) {
    int found = 0;
    sql << "SELECT count(*) FROM vehicles WHERE vin_hmac = :hmac AND deleted_at IS NULL", soci::use(vin_hmac), soci::into(found);
    return found > 0;
}

namespace {
// The bound values of one vehicle row: soci::use needs lvalues and an indicator per nullable value.
struct VehicleBinding {
    Nullable nickname, vehicle_class, make, model, engine;
    int year;
    soci::indicator year_indicator;
    int check;
    soci::indicator check_indicator;
    int closed;

    VehicleBinding(const StoredVin& vin, const VehicleFields& fields)
        : nickname(fields.nickname), vehicle_class(fields.vehicle_class), make(fields.make), model(fields.model),
          engine(fields.engine), year(fields.year.value_or(0)), year_indicator(fields.year ? soci::i_ok : soci::i_null),
          check(vin.check_digit_valid.value_or(false) ? 1 : 0),
          check_indicator(vin.check_digit_valid ? soci::i_ok : soci::i_null), closed(fields.accident_closed ? 1 : 0) {}
};
}  // namespace

std::string insert_vehicle(soci::session& sql, const std::string& owner_id, const StoredVin& vin,
                           const VehicleFields& fields, int key_version) {
    VehicleBinding bound(vin, fields);
    std::string id;
    sql << "INSERT INTO vehicles (owner_id, vin_ciphertext, vin_hmac, vin_masked, vin_check_digit_valid, key_version,"
           " nickname, vehicle_class, make, model, year, engine, accident_status, accident_closed)"
           " VALUES (CAST(:owner AS uuid), :ct, :hmac, :masked, CAST(:check AS int)::boolean, :kv, :nickname, :class,"
           " :make, :model, :year, :engine, :accident, CAST(:closed AS int)::boolean) RETURNING id",
        soci::use(owner_id, "owner"), soci::use(vin.ciphertext, "ct"), soci::use(vin.hmac, "hmac"),
        soci::use(vin.masked, "masked"), soci::use(bound.check, bound.check_indicator, "check"),
        soci::use(key_version, "kv"), soci::use(bound.nickname.value, bound.nickname.indicator, "nickname"),
        soci::use(bound.vehicle_class.value, bound.vehicle_class.indicator, "class"),
        soci::use(bound.make.value, bound.make.indicator, "make"), soci::use(bound.model.value, bound.model.indicator, "model"),
        soci::use(bound.year, bound.year_indicator, "year"), soci::use(bound.engine.value, bound.engine.indicator, "engine"),
        soci::use(fields.accident_status, "accident"), soci::use(bound.closed, "closed"), soci::into(id);
    return id;
}

void update_vehicle(soci::session& sql, const std::string& id, const StoredVin& vin, const VehicleFields& fields) {
    VehicleBinding bound(vin, fields);
    sql << "UPDATE vehicles SET vin_ciphertext = :ct, vin_hmac = :hmac, vin_masked = :masked,"
           " vin_check_digit_valid = CAST(:check AS int)::boolean, nickname = :nickname, vehicle_class = :class,"
           " make = :make, model = :model, year = :year, engine = :engine, accident_status = :accident,"
           " accident_closed = CAST(:closed AS int)::boolean, updated_at = now() WHERE id = CAST(:id AS uuid)",
        soci::use(vin.ciphertext, "ct"), soci::use(vin.hmac, "hmac"), soci::use(vin.masked, "masked"),
        soci::use(bound.check, bound.check_indicator, "check"),
        soci::use(bound.nickname.value, bound.nickname.indicator, "nickname"),
        soci::use(bound.vehicle_class.value, bound.vehicle_class.indicator, "class"),
        soci::use(bound.make.value, bound.make.indicator, "make"), soci::use(bound.model.value, bound.model.indicator, "model"),
        soci::use(bound.year, bound.year_indicator, "year"), soci::use(bound.engine.value, bound.engine.indicator, "engine"),
        soci::use(fields.accident_status, "accident"), soci::use(bound.closed, "closed"), soci::use(id, "id");
}

void soft_delete_vehicle(soci::session& sql, const std::string& id, const std::string& reason, const std::string& by) {
    sql << "UPDATE vehicles SET deleted_at = now(), delete_reason = :reason, deleted_by = CAST(:by AS uuid),"
           " updated_at = now() WHERE id = CAST(:id AS uuid)",
        soci::use(reason), soci::use(by), soci::use(id);
}

void restore_vehicle(soci::session& sql, const std::string& id) {
    sql << "UPDATE vehicles SET deleted_at = NULL, delete_reason = NULL, deleted_by = NULL, updated_at = now()"
           " WHERE id = CAST(:id AS uuid)",
        soci::use(id);
}

}  // namespace ltc::vehicles
