#include "vehicles/vehicle_store.hpp"

#include "auth/users.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"

namespace ltc::vehicles {

namespace {
// Columns of the view vehicle_rows (sql/V013__hot_reads.sql), in from_row's order. Read with
// plain statements: prepared once per connection (db/kept_statements.hpp) they cost less than
// V013's PL/pgSQL wrappers, which only existed to keep a plan (pgbench: 61 against 68 µs).
const std::string select_columns = "SELECT * FROM vehicle_rows v";
const std::string own_active = " WHERE v.owner_id = $3::uuid AND v.deleted_at IS NULL";
const std::string page_order = " ORDER BY v.created_at, v.id LIMIT $1::bigint OFFSET $2::bigint";

Vehicle from_row(const db::Row& row) {
    Vehicle vehicle;
    vehicle.id = row.text(0);
    vehicle.owner_id = row.text(1);
    vehicle.owner_role = row.text(2);
    vehicle.vin.ciphertext = row.text(3);
    vehicle.vin.hmac = row.text(4);
    vehicle.vin.masked = row.text(5);
    vehicle.vin.check_digit_valid = row.optional_flag(6);
    vehicle.fields.nickname = row.optional_text(7);
    vehicle.fields.vehicle_class = row.optional_text(8);
    vehicle.fields.make = row.optional_text(9);
    vehicle.fields.model = row.optional_text(10);
    if (const auto year = row.optional_integer(11)) vehicle.fields.year = static_cast<int>(*year);
    vehicle.fields.engine = row.optional_text(12);
    vehicle.fields.accident_status = row.text(13);
    vehicle.fields.accident_closed = row.flag(14);
    vehicle.created_at = row.text(15);
    vehicle.updated_at = row.text(16);
    vehicle.deleted_at = row.optional_text(17);
    vehicle.delete_reason = row.optional_text(18);
    vehicle.deleted_within_restore_window = row.flag(19);
    vehicle.has_entries = row.flag(20);
    if (!row.is_null(21)) vehicle.trust = StoredTrust{row.text(21), row.text(22), row.optional_text(23)};
    vehicle.public_token = row.optional_text(24);
    return vehicle;
}

// The vehicle columns in the order of insert and update: $1..$12.
std::vector<db::Param> field_params(const StoredVin& vin, const VehicleFields& fields) {
    return {vin.ciphertext,  vin.hmac,     vin.masked,   vin.check_digit_valid ? db::Param(*vin.check_digit_valid) : db::Param(),
            fields.nickname, fields.vehicle_class, fields.make, fields.model, fields.year, fields.engine,
            fields.accident_status, fields.accident_closed};
}
}  // namespace

std::optional<Vehicle> first_vehicle(const db::Result& result) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    return from_row(*row);
}

db::Statement vehicle_statement(const std::string& id) { return {select_columns + " WHERE v.id = $1::uuid", {id}}; }

std::optional<Vehicle> load_vehicle(soci::session& sql, const std::string& id) {
    return first_vehicle(db::query(sql, vehicle_statement(id)));
}

std::vector<db::Statement> lock_vehicle_statements(const std::string& id) {
    // The lock is on the vehicle row itself (a view with outer joins cannot be locked); the
    // row is read right after the lock is granted, in the same round trip.
    return {{"SELECT 1 FROM vehicles WHERE id = $1::uuid FOR UPDATE", {id}}, vehicle_statement(id)};
}

std::optional<Vehicle> lock_vehicle(soci::session& sql, const std::string& id) {
    return first_vehicle(db::query_all(sql, lock_vehicle_statements(id))[1]);
}

db::Statement lock_trust_facts_statement(const std::string& id) {
    return {"SELECT v.deleted_at IS NOT NULL, v.accident_status, v.accident_closed, u.role"
            " FROM vehicles v JOIN users u ON u.id = v.owner_id WHERE v.id = $1::uuid FOR UPDATE OF v",
            {id}};
}

std::optional<LockedTrustFacts> read_locked_trust_facts(const db::Result& result) {
    const auto row = result.first();
    if (!row) return std::nullopt;
    return LockedTrustFacts{row->flag(0), row->text(1), row->flag(2), row->text(3)};
}

void lock_vehicle_shared(soci::session& sql, const std::string& id) {
    db::query(sql, "SELECT 1 FROM vehicles WHERE id = $1::uuid FOR SHARE", {id});
}

std::vector<Vehicle> list_vehicles(soci::session& sql, VehicleListing listing, const std::string& owner_id,
                                   const db::Page& page) {
    const std::vector<db::Param> params = {static_cast<long long>(page.limit + 1), static_cast<long long>(page.offset)};
    db::Result rows = [&] {
        switch (listing) {
            case VehicleListing::own_active:
                return db::query(sql, select_columns + own_active + page_order, {params[0], params[1], owner_id});
            case VehicleListing::all_active:
                return db::query(sql, select_columns + " WHERE v.deleted_at IS NULL" + page_order, params);
            case VehicleListing::all_deleted:
                break;
        }
        return db::query(sql, select_columns + " WHERE v.deleted_at IS NOT NULL" + page_order, params);
    }();
    return read_vehicles(rows);
}

db::Statement own_vehicles_by_session_statement(const std::string& token_hash, const db::Page& page) {
    // The owner found by the token's hash (used only once the caller lookup accepted that session).
    return {select_columns + " WHERE v.owner_id = (SELECT s.user_id FROM sessions s WHERE s.token_hash = $3)"
                " AND v.deleted_at IS NULL" + page_order,
            {static_cast<long long>(page.limit + 1), static_cast<long long>(page.offset), token_hash}};
}

std::vector<Vehicle> read_vehicles(const db::Result& rows) {
    std::vector<Vehicle> vehicles;
    vehicles.reserve(rows.size());
    for (const auto row : rows) vehicles.push_back(from_row(row));
    return vehicles;
}

long long lock_owner_and_count_active(soci::session& sql, const std::string& owner_id) {
    auth::lock_user_row(sql, owner_id);
    return db::query(sql, "SELECT count(*) FROM vehicles WHERE owner_id = $1::uuid AND deleted_at IS NULL", {owner_id})
        .first()
        ->integer(0);
}

bool vin_registered(soci::session& sql, const std::string& vin_hmac) {
    return !db::query(sql, "SELECT 1 FROM vehicles WHERE vin_hmac = $1 AND deleted_at IS NULL", {vin_hmac}).empty();
}

void insert_vehicle(soci::session& sql, const std::string& id, const std::string& owner_id, const StoredVin& vin,
                    const VehicleFields& fields, int key_version) {
    auto params = field_params(vin, fields);
    params.emplace_back(owner_id);
    params.emplace_back(key_version);
    params.emplace_back(id);
    db::query(sql,
              "INSERT INTO vehicles (vin_ciphertext, vin_hmac, vin_masked, vin_check_digit_valid, nickname,"
              " vehicle_class, make, model, year, engine, accident_status, accident_closed, owner_id, key_version, id)"
              " VALUES ($1, $2, $3, $4::boolean, $5, $6, $7, $8, $9::int, $10, $11, $12::boolean, $13::uuid, $14::int,"
              " $15::uuid)",
              params);
}

void update_vehicle(soci::session& sql, const std::string& id, const StoredVin& vin, const VehicleFields& fields) {
    auto params = field_params(vin, fields);
    params.emplace_back(id);
    db::query(sql,
              "UPDATE vehicles SET vin_ciphertext = $1, vin_hmac = $2, vin_masked = $3, vin_check_digit_valid = $4::boolean,"
              " nickname = $5, vehicle_class = $6, make = $7, model = $8, year = $9::int, engine = $10,"
              " accident_status = $11, accident_closed = $12::boolean, updated_at = now()"
              " WHERE id = $13::uuid AND deleted_at IS NULL",
              params);
}

void soft_delete_vehicle(soci::session& sql, const std::string& id, const std::string& reason, const std::string& by) {
    db::query(sql,
              "UPDATE vehicles SET deleted_at = now(), delete_reason = $1, deleted_by = $2::uuid, updated_at = now()"
              " WHERE id = $3::uuid AND deleted_at IS NULL",
              {reason, by, id});
}

void restore_vehicle(soci::session& sql, const std::string& id) {
    db::query(sql,
              "UPDATE vehicles SET deleted_at = NULL, delete_reason = NULL, deleted_by = NULL, updated_at = now()"
              " WHERE id = $1::uuid AND deleted_at IS NOT NULL",
              {id});
}

void change_owner(soci::session& sql, const std::string& id, const std::string& new_owner_id) {
    db::query(sql, "UPDATE vehicles SET owner_id = $1::uuid, updated_at = now() WHERE id = $2::uuid AND deleted_at IS NULL",
              {new_owner_id, id});
}

}  // namespace ltc::vehicles
