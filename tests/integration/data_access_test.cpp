// The data-access rules of issue 8, checked from outside: the statements a signed-in read
// sends (pg_stat_statements of the test cluster), the stored trust summary against a fresh
// computation (`ltc verify-trust`) after random writes and after the date boundary, and the
// list's lights against each vehicle's own; the consent stamp the caller lookup compares.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#include <Poco/JSON/Array.h>

#include "admin_helpers.hpp"
#include "db/query.hpp"
#include "entries/entry_store.hpp"
#include "trust/berlin_date.hpp"

using namespace ltc::test;

namespace {
// Statements the application role has finished, except the mailer's polling of its outbox.
long long app_statements() {
    return count_rows("SELECT COALESCE(sum(s.calls), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid"
                      " WHERE r.rolname = 'ltc_app' AND s.query NOT LIKE '%mail_outbox%'");
}

std::string entry_body(const std::string& date, int km, const std::string& category = "wartung") {
    return R"({"date":")" + date + R"(","category":")" + category +
           R"(","performed_by":"fachwerkstatt","odometer_km":)" + std::to_string(km) + "}";
}

std::string iso(const ltc::trust::CivilDate& date) { return ltc::trust::format_iso_date(date); }

ltc::trust::CivilDate berlin_today() { return ltc::trust::berlin_today(); }

int verify_trust() {
    const std::string command = env_or("LTC_ROOT", ".") + "/scripts/ltc-local.sh verify-trust >&2";
    return std::system(command.c_str());
}

std::string light_of(Member& owner, const std::string& vehicle_id) {
    return owner.send("GET", "/api/vehicles/" + vehicle_id + "/trust").json()->getValue<std::string>("light");
}

std::string clock_state_path() { return var_dir() + "/clock-boundary.state"; }
}  // namespace

BOOST_AUTO_TEST_SUITE(data_access)

BOOST_AUTO_TEST_CASE(a_signed_in_vehicle_read_sends_at_most_three_statements) {
    Member owner("statements");
    const std::string id = create_vehicle(owner, new_vin());
    for (int i = 0; i < 20; ++i) {
        const auto date = ltc::trust::add_days(berlin_today(), -30 * (20 - i));
        BOOST_REQUIRE(owner.send("POST", "/api/vehicles/" + id + "/entries", entry_body(iso(date), 1000 * (i + 1))).status == 201);
    }
    BOOST_REQUIRE(owner.send("GET", "/api/vehicles/" + id).status == 200);  // warm: connection open

    const long long before = app_statements();
    const Reply read = owner.send("GET", "/api/vehicles/" + id);
    BOOST_REQUIRE(read.status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // statistics land after the answer
    const long long sent = app_statements() - before;
    BOOST_TEST_MESSAGE("GET /api/vehicles/{id}: " << sent << " statements");
    BOOST_TEST(sent >= 1);
    BOOST_TEST(sent <= 3);
}

// Kept statements are planned once per connection only if the application role forces generic
// plans (docs/decisions.md, "Generic plans"); the stack's role setup must say so.
BOOST_AUTO_TEST_CASE(the_application_role_keeps_one_plan_per_statement) {
    BOOST_TEST(count_rows("SELECT count(*) FROM pg_db_role_setting WHERE setrole = 'ltc_app'::regrole"
                          " AND 'plan_cache_mode=force_generic_plan' = ANY (setconfig)") == 1);
}

// The caller lookup lists missing consent documents only when the user's stamp (sql/V018) is
// behind the newest published generation: accepting stamps it, and a stamp that is behind only
// costs the full check, never a wrong answer.
BOOST_AUTO_TEST_CASE(accepting_the_consent_stamps_the_user_and_a_stale_stamp_only_costs_the_full_check) {
    Member member("consent-stamp");  // signed in and accepted the current documents
    const std::string stamp = "SELECT count(*) FROM users WHERE id = '" + member.session.user_id +
                              "' AND consent_generation = (SELECT max(generation) FROM consent_documents)";
    BOOST_TEST(count_rows(stamp) == 1);
    query_as_owner("UPDATE users SET consent_generation = 0 WHERE id = '" + member.session.user_id + "' RETURNING id");
    BOOST_TEST(count_rows(stamp) == 0);
    const auto me = member.send("GET", "/api/auth/me");
    BOOST_REQUIRE(me.status == 200);
    BOOST_TEST(me.json()->getObject("consent")->getValue<bool>("complete"));
    BOOST_TEST(member.send("GET", "/api/vehicles").status == 200);
}

BOOST_AUTO_TEST_CASE(stored_summaries_equal_a_fresh_computation_after_random_writes) {
    const unsigned seed = std::random_device{}();
    BOOST_TEST_MESSAGE("random writes with seed " << seed);
    std::mt19937 engine(seed);
    const auto pick = [&engine](int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine); };
    static const std::vector<std::string> categories = {"wartung", "inspektion", "unfallreparatur", "reifen"};
    static const std::vector<std::string> accidents = {"unfallfrei", "nicht_unfallfrei", "unbekannt"};

    Member first("random-writes");
    Member second("random-writes");
    Member* owners[] = {&first, &second};
    const std::string ids[] = {create_vehicle(first, new_vin()), create_vehicle(second, new_vin())};
    for (int step = 0; step < 40; ++step) {
        const int which = pick(0, 1);
        Member& owner = *owners[which];
        const std::string& id = ids[which];
        const std::string base = "/api/vehicles/" + id;
        const auto entries = owner.send("GET", base + "/entries").json()->getArray("items");
        const int action = pick(0, 9);
        if (action < 5 || entries->size() == 0) {
            const auto date = ltc::trust::add_days(berlin_today(), -pick(0, 5 * 365));
            const auto& category = categories[static_cast<std::size_t>(pick(0, 3))];
            BOOST_TEST(owner.send("POST", base + "/entries", entry_body(iso(date), pick(0, 300000), category)).status == 201);
        } else if (action < 7) {
            const auto entry = entries->getObject(static_cast<unsigned>(pick(0, static_cast<int>(entries->size()) - 1)));
            const std::string body = R"({"date":")" + iso(ltc::trust::add_days(berlin_today(), -pick(0, 5 * 365))) +
                                     R"(","category":"inspektion","performed_by":"fachwerkstatt","odometer_km":)" +
                                     std::to_string(pick(0, 300000)) + R"(,"paper_book":)" + (pick(0, 1) ? "true" : "false") +
                                     R"(,"base_version":)" + std::to_string(entry->getValue<int>("version")) + "}";
            BOOST_TEST(owner.send("POST", base + "/entries/" + entry->getValue<std::string>("id") + "/revisions", body).status == 201);
        } else if (action < 8) {
            const auto entry = entries->getObject(static_cast<unsigned>(pick(0, static_cast<int>(entries->size()) - 1)));
            const std::string body = R"({"reason":"Test","base_version":)" + std::to_string(entry->getValue<int>("version")) + "}";
            BOOST_TEST(owner.send("DELETE", base + "/entries/" + entry->getValue<std::string>("id"), body).status == 204);
        } else {
            const auto& accident = accidents[static_cast<std::size_t>(pick(0, 2))];
            const std::string body = R"({"accident_status":")" + accident + R"(","accident_closed":)" +
                                     (pick(0, 1) ? "true" : "false") + "}";
            BOOST_TEST(owner.send("PATCH", base, body).status == 200);
        }
        // What the vehicle answers is what /trust answers. The pause keeps the test under the
        // edge's per-address rate limit.
        std::this_thread::sleep_for(std::chrono::milliseconds(120));
        BOOST_TEST(owner.send("GET", base).json()->getObject("trust")->getValue<std::string>("light") == light_of(owner, id));
    }
    BOOST_TEST(verify_trust() == 0);
    // The summary reads the entries through trust_entry_heads (V019): the same entries, with the
    // same facts, as the latest versions the entry list shows (its statement's rows, chosen and
    // ordered by the list's own reader), after revisions and deletions.
    std::size_t compared = 0;
    const std::unique_ptr<PGconn, decltype(&PQfinish)> connection(connect_as_owner(), &PQfinish);
    using Facts = std::tuple<std::string, std::string, long long, bool, std::string>;
    for (const auto& id : ids) {
        std::multiset<Facts> shown;
        const auto listed = ltc::db::query(connection.get(), ltc::entries::latest_entries_statement(id).sql, {id});
        for (const auto& entry : ltc::entries::read_latest_entries(listed)) {
            shown.insert({entry.entry_id, entry.fields.date, entry.fields.odometer_km, entry.fields.paper_book,
                          entry.fields.category});
        }
        std::multiset<Facts> used;
        for (const auto row : ltc::db::query(connection.get(), "SELECT * FROM trust_entry_heads($1::uuid)", {id})) {
            used.insert({row.text(0), iso(ltc::trust::date_from_days(row.integer(1))), row.integer(2), row.flag(3),
                         row.text(4)});
        }
        compared += shown.size();
        BOOST_TEST((shown == used));
    }
    BOOST_TEST(compared > 0);
    // The check bites: a summary changed behind the application's back is reported …
    query_as_owner("UPDATE vehicle_trust SET summary = '{\"light\":\"gruen\"}' WHERE vehicle_id = '" + ids[0] + "' RETURNING vehicle_id");
    BOOST_TEST(verify_trust() != 0);
    // … and a missing one is derived again on the next read.
    query_as_owner("DELETE FROM vehicle_trust WHERE vehicle_id = '" + ids[0] + "' RETURNING vehicle_id");
    BOOST_TEST(first.send("GET", "/api/vehicles/" + ids[0]).status == 200);
    BOOST_TEST(verify_trust() == 0);
    BOOST_TEST(count_rows("SELECT count(*) FROM vehicle_trust WHERE vehicle_id = '" + ids[0] + "'") == 1);
}

BOOST_AUTO_TEST_CASE(the_list_shows_each_vehicles_own_light) {
    Admin superadmin("superadmin", "list-lights");
    Member dealer(superadmin, "dealer", "list-lights");
    create_vehicle(dealer, new_vin());  // no entries at all
    const std::string documented = create_vehicle(dealer, new_vin());
    const std::string stale = create_vehicle(dealer, new_vin());
    for (int i = 0; i < 4; ++i) {
        const auto date = ltc::trust::add_days(berlin_today(), -200 * (4 - i));
        const std::string body = R"({"date":")" + iso(date) + R"(","category":"wartung","performed_by":"fachwerkstatt",)"
                                 R"("odometer_km":)" + std::to_string(10000 * (i + 1)) + R"(,"paper_book":true})";
        dealer.send("POST", "/api/vehicles/" + documented + "/entries", body);
    }
    dealer.send("POST", "/api/vehicles/" + stale + "/entries", entry_body("2015-03-01", 50000));
    const auto items = dealer.send("GET", "/api/vehicles?limit=100").json()->getArray("items");
    BOOST_REQUIRE(items->size() == 3u);
    std::set<std::string> lights;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto item = items->getObject(static_cast<unsigned>(i));
        const std::string id = item->getValue<std::string>("id");
        const std::string light = item->getObject("trust")->getValue<std::string>("light");
        BOOST_TEST(light == light_of(dealer, id));
        BOOST_TEST(light == dealer.send("GET", "/api/vehicles/" + id).json()->getObject("trust")->getValue<std::string>("light"));
        lights.insert(light);
        BOOST_TEST_MESSAGE("vehicle " << id << ": " << light);
    }
    BOOST_TEST(lights.size() >= 2u);  // the three differ in what they document
}

BOOST_AUTO_TEST_SUITE_END()

// The date boundary, in two phases of scripts/test.sh: `clock_prepare` documents a vehicle whose
// newest entry is exactly 24 months old today; the workers are then restarted with LTC_TODAY set
// to tomorrow (Berlin), and `clock` checks that the stored summary was re-derived on read.
BOOST_AUTO_TEST_SUITE(clock_prepare_phase, *boost::unit_test::label("clock_prepare") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(a_vehicle_whose_history_turns_stale_tomorrow) {
    Member owner("clock");
    const std::string id = create_vehicle(owner, new_vin());
    const auto newest = ltc::trust::add_months(berlin_today(), -24);
    BOOST_REQUIRE(owner.send("POST", "/api/vehicles/" + id + "/entries", entry_body(iso(newest), 120000)).status == 201);
    const auto trust = owner.send("GET", "/api/vehicles/" + id + "/trust").json();
    for (std::size_t i = 0; i < trust->getArray("reasons")->size(); ++i) {
        BOOST_TEST(trust->getArray("reasons")->getObject(static_cast<unsigned>(i))->getValue<std::string>("code") !=
                   "history_not_current");
    }
    const auto valid_until = query_as_owner("SELECT valid_until::text FROM vehicle_trust WHERE vehicle_id = '" + id + "'");
    BOOST_REQUIRE(valid_until.size() == 1u);
    BOOST_TEST(valid_until[0][0] == iso(ltc::trust::next_day(berlin_today())));
    // Its public answer is rendered now and kept until tomorrow (page_valid_until).
    const Reply link = owner.send("PUT", "/api/vehicles/" + id + "/public-link");
    BOOST_REQUIRE(link.status == 200);
    const std::string url = link.json()->getValue<std::string>("url");
    const std::string public_token = url.substr(url.rfind('/') + 1);
    BOOST_REQUIRE(StackClient(fresh_source_ip()).get("/api/public/qr/" + public_token).status == 200);
    std::ofstream state(clock_state_path(), std::ios::trunc);
    state << id << '\n' << owner.session.token << '\n' << public_token << '\n';
    BOOST_REQUIRE(state.good());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(clock_phase, *boost::unit_test::label("clock") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(the_summary_is_re_derived_after_the_boundary) {
    std::ifstream state(clock_state_path());
    std::string id, token, public_token;
    BOOST_REQUIRE_MESSAGE(std::getline(state, id) && std::getline(state, token) && std::getline(state, public_token),
                          "run --run_test=@clock_prepare first");
    StackClient client;
    const httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
    // The public answer first: the page kept yesterday no longer holds and is rendered again.
    const auto public_answer = StackClient(fresh_source_ip()).get("/api/public/qr/" + public_token).json();
    const auto trust = client.get("/api/vehicles/" + id + "/trust", bearer).json();
    BOOST_TEST(public_answer->getValue<std::string>("trust_light") == trust->getValue<std::string>("light"));
    BOOST_TEST(public_answer->getValue<std::string>("hint") == trust->getValue<std::string>("hint"));
    bool stale = false;
    for (std::size_t i = 0; i < trust->getArray("reasons")->size(); ++i) {
        stale = stale || trust->getArray("reasons")->getObject(static_cast<unsigned>(i))->getValue<std::string>("code") ==
                             "history_not_current";
    }
    BOOST_TEST(stale);
    // Re-derived and stored: nothing more will change it by date alone.
    const auto valid_until = query_as_owner("SELECT COALESCE(valid_until::text, 'none') FROM vehicle_trust WHERE vehicle_id = '" + id + "'");
    BOOST_REQUIRE(valid_until.size() == 1u);
    BOOST_TEST(valid_until[0][0] == "none");
    BOOST_TEST(verify_trust() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
