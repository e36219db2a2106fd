#include "bad_input_routes.hpp"

#include <chrono>

namespace ltc::test {

namespace {

using K = FieldKind;

RouteInputs none() { return {}; }
RouteInputs admin_none() { return {BodyKind::none, {}, {}, true}; }
RouteInputs json(std::vector<Field> fields, bool as_admin = false) { return {BodyKind::json, std::move(fields), {}, as_admin}; }
RouteInputs page(bool as_admin = false) {
    return {BodyKind::none, {}, {{"limit", QueryKind::strict}, {"cursor", QueryKind::strict}}, as_admin};
}

Field text(const std::string& name, long long max, bool required) { return {name, K::text, "\"Text\"", required, max}; }
Field choice(const std::string& name, const std::string& valid, long long max, bool required = true) {
    return {name, K::choice, "\"" + valid + "\"", required, max};
}
Field code(const std::string& name, long long max) { return {name, K::code, "\"123456\"", true, max}; }
Field integer(const std::string& name, const std::string& valid, long long min, long long max, bool required) {
    return {name, K::integer, valid, required, max, min};
}
Field boolean(const std::string& name) { return {name, K::boolean, "false"}; }

// Two years ahead of UTC's: at least next year in Europe/Berlin, so one more is always refused.
long long max_year() {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int>(std::chrono::year_month_day(today).year()) + 2;
}

std::vector<Field> vehicle_fields(const std::string& vin) {
    return {{"vin", K::vin, "\"" + vin + "\"", true, 17},
            text("nickname", 60, false),
            choice("vehicle_class", "alltag", 60, false),
            text("make", 60, false),
            text("model", 60, false),
            integer("year", "2010", 1886, max_year(), false),
            text("engine", 60, false),
            choice("accident_status", "unfallfrei", 60, false),
            boolean("accident_closed")};
}

std::vector<Field> entry_fields(bool revision) {
    std::vector<Field> fields = {{"date", K::date, "\"2024-01-15\"", true, 10},
                                 choice("category", "wartung", 0),
                                 choice("performed_by", "fachwerkstatt", 0),
                                 integer("odometer_km", "12000", 0, 2'000'000, true),
                                 text("note", 4000, false),
                                 {"cost", K::money, "\"129.90\"", false, 20},
                                 boolean("paper_book")};
    if (revision) {
        fields.push_back(integer("base_version", "1", 1, 1'000'000, true));
        fields.push_back(text("reason", 500, false));
    }
    return fields;
}

std::vector<Field> article_fields(bool required) {
    return {choice("slug", "neuer-artikel", 800, required), text("title", 200, required), text("excerpt", 500, required),
            text("body_md", 50000, required)};
}

std::map<std::string, RouteInputs> make_table() {
    std::map<std::string, RouteInputs> table = {
        {"GET /api/health", none()},
        {"GET /api/health/live", none()},
        {"GET /api/metrics", none()},
        {"POST /api/auth/request", json({{"email", K::email, "\"neu@beispiel.de\"", true, 1000}})},
        {"POST /api/auth/verify",
         json({choice("challenge_id", "@CHALLENGE@", 100), code("code", 100), boolean("token_in_body")})},
        {"POST /api/auth/logout", none()},
        {"POST /api/auth/logout-all", none()},
        {"GET /api/auth/me", none()},
        {"POST /api/auth/totp/enroll", none()},
        {"POST /api/auth/totp/activate", json({code("code", 64)})},
        {"POST /api/auth/totp/verify", json({code("code", 64)})},
        {"POST /api/auth/step-up", json({code("code", 64)}, true)},
        {"POST /api/auth/backup-codes", admin_none()},
        {"GET /api/consent", none()},
        {"POST /api/consent", json({{"accept", K::list, R"([{"doc":"terms","version":"0"}])", true}})},
        {"POST /api/vehicles", json(vehicle_fields("@VIN@"))},
        {"GET /api/vehicles", page()},
        {"GET /api/vehicles/{id}", none()},
        {"PATCH /api/vehicles/{id}", json(vehicle_fields("@OWN_VIN@"))},
        {"DELETE /api/vehicles/{id}", json({text("reason", 500, true)})},
        {"POST /api/vehicles/{id}/restore", none()},
        {"GET /api/vehicles/{id}/trust", none()},
        {"GET /api/vehicles/{id}/entries", page()},
        {"POST /api/vehicles/{id}/entries", json(entry_fields(false))},
        {"GET /api/vehicles/{id}/entries/{entry_id}", none()},
        {"GET /api/vehicles/{id}/entries/{entry_id}/history", page()},
        {"POST /api/vehicles/{id}/entries/{entry_id}/revisions", json(entry_fields(true))},
        {"DELETE /api/vehicles/{id}/entries/{entry_id}",
         json({text("reason", 500, true), integer("base_version", "1", 1, 1'000'000, true)})},
        {"POST /api/vehicles/{id}/documents",
         {BodyKind::upload, {}, {{"entry_id", QueryKind::strict}, {"filename", QueryKind::free}}, false}},
        {"GET /api/vehicles/{id}/documents", none()},
        {"GET /api/documents/{doc_id}", none()},
        {"GET /api/documents/{doc_id}/content", none()},
        {"PATCH /api/documents/{doc_id}", json({choice("entry_id", "@ENTRY@", 36, false)})},
        {"POST /api/documents/{doc_id}/pii", json({choice("status", "suspected", 20), text("note", 500, false)})},
        {"DELETE /api/documents/{doc_id}", none()},
        {"PUT /api/vehicles/{id}/public-link", none()},
        {"DELETE /api/vehicles/{id}/public-link", none()},
        {"GET /api/vehicles/{id}/public-link/qr.svg", none()},
        {"GET /api/vehicles/{id}/public-link/qr.png", none()},
        {"GET /api/vehicles/{id}/public-link/sticker.pdf", none()},
        {"GET /api/vehicles/{id}/history.pdf", none()},
        {"GET /api/public/qr/{token}", none()},
        {"GET /api/admin/documents",
         {BodyKind::none, {}, {{"approval", QueryKind::strict}, {"limit", QueryKind::strict}, {"cursor", QueryKind::strict}}, true}},
        {"POST /api/admin/documents/{doc_id}/scan", json({choice("result", "clean", 20)}, true)},
        {"POST /api/admin/documents/{doc_id}/approve", admin_none()},
        {"POST /api/admin/documents/{doc_id}/reject", json({text("reason", 500, true)}, true)},
        {"GET /api/admin/audit",
         {BodyKind::none,
          {},
          {{"action", QueryKind::strict},
           {"actor", QueryKind::strict},
           {"target", QueryKind::free},
           {"from", QueryKind::strict},
           {"to", QueryKind::strict},
           {"limit", QueryKind::strict},
           {"cursor", QueryKind::strict}},
          true}},
        {"GET /api/admin/stats", admin_none()},
        {"POST /api/admin/consent-documents",
         json({choice("doc", "terms", 100), choice("version", "2099-01", 40), choice("url", "/agb", 2000)}, true)},
        {"GET /api/admin/users",
         {BodyKind::none,
          {},
          {{"role", QueryKind::strict}, {"status", QueryKind::strict}, {"limit", QueryKind::strict}, {"cursor", QueryKind::strict}},
          true}},
        {"POST /api/admin/users/search", json({{"email", K::email, "\"neu@beispiel.de\"", true, 1000}}, true)},
        {"POST /api/admin/users/{id}/reveal-email", admin_none()},
        {"PUT /api/admin/users/{id}/role", json({choice("role", "vip", 100), text("reason", 500, true)}, true)},
        {"POST /api/admin/users/{id}/disable", admin_none()},
        {"POST /api/admin/users/{id}/enable", admin_none()},
        {"POST /api/admin/users/{id}/reset-totp", admin_none()},
        {"POST /api/vehicles/{id}/transfers", none()},
        {"GET /api/vehicles/{id}/transfers", page()},
        {"POST /api/transfers/{id}/extend", none()},
        {"DELETE /api/transfers/{id}", none()},
        {"POST /api/transfers/redeem", json({choice("code", "ABCD-EFGH-JKLM", 0)})},
        {"GET /api/vehicles/{id}/export", none()},
        {"POST /api/admin/exports", json({choice("target", "vehicle", 20), choice("id", "@VEHICLE@", 100)}, true)},
        {"GET /api/admin/exports/{export_id}", admin_none()},
        {"GET /api/blog", page()},
        {"GET /api/blog/{slug}", none()},
        {"GET /api/news", page()},
        {"GET /api/news/{slug}", none()},
        {"GET /blog/feed.xml", none()},
        {"GET /news/feed.xml", none()},
        {"GET /api/cms/{type}", page(true)},
        {"POST /api/cms/{type}", json(article_fields(true), true)},
        {"PATCH /api/cms/{type}/{id}", json(article_fields(false), true)},
        {"POST /api/cms/{type}/{id}/submit", admin_none()},
        {"POST /api/cms/{type}/{id}/review", json({text("note", 2000, true)}, true)},
        {"POST /api/cms/{type}/{id}/publish", admin_none()},
    };
    return table;
}

}  // namespace

const std::map<std::string, RouteInputs>& route_inputs() {
    static const std::map<std::string, RouteInputs> table = make_table();
    return table;
}

}  // namespace ltc::test
