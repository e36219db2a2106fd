// The application restore drill (tests/restore-drill.sh), run only by that script:
//   --run_test=@restore_drill_write  with LTC_DRILL_BATCH=<name>: an owner signs in, registers a
//       vehicle, writes an entry and uploads a document, all through the API; what the checks
//       need later goes to $LTC_VAR_DIR/restore-drill/<name>.state;
//   --run_test=@restore_drill_check  with LTC_DRILL_PRESENT / LTC_DRILL_ABSENT (batch names,
//       space separated): after a restore, every present batch answers as before (the session,
//       the vehicle, the entry, the document and its stored bytes), every absent one is gone.
// Both suites are disabled otherwise: a plain run never writes drill data.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "../fixtures/test_images.hpp"
#include "admin_helpers.hpp"
#include "crypto/sha256.hpp"

using namespace ltc::test;

namespace {
std::string state_path(const std::string& batch) { return var_dir() + "/restore-drill/" + batch + ".state"; }

std::vector<std::string> batches(const char* variable) {
    std::istringstream names(env_or(variable, ""));
    std::vector<std::string> result;
    for (std::string name; names >> name;) result.push_back(name);
    return result;
}

using State = std::map<std::string, std::string>;

void write_state(const std::string& batch, const State& state) {
    std::filesystem::create_directories(var_dir() + "/restore-drill");
    std::ofstream file(state_path(batch), std::ios::trunc);
    for (const auto& [key, value] : state) file << key << '=' << value << '\n';
    BOOST_REQUIRE(file.good());
}

State read_state(const std::string& batch) {
    std::ifstream file(state_path(batch));
    BOOST_REQUIRE_MESSAGE(file.good(), "no " + state_path(batch) + ": the write phase of batch " + batch + " did not run");
    State state;
    for (std::string line; std::getline(file, line);) {
        const auto equals = line.find('=');
        if (equals != std::string::npos) state[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return state;
}

bool lists_id(const Poco::JSON::Array::Ptr& items, const std::string& id) {
    for (std::size_t i = 0; i < items->size(); ++i) {
        if (items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id") == id) return true;
    }
    return false;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(restore_drill_write, *boost::unit_test::label("restore_drill_write") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(an_owner_with_a_vehicle_an_entry_and_a_document) {
    const std::string batch = env_or("LTC_DRILL_BATCH", "");
    BOOST_REQUIRE_MESSAGE(!batch.empty(), "LTC_DRILL_BATCH is not set");
    Member owner("drill-" + batch);
    const Reply vehicle = owner.send("POST", "/api/vehicles", R"({"vin":")" + new_vin() + R"("})");
    BOOST_REQUIRE_MESSAGE(vehicle.status == 201, vehicle.body);
    const std::string vehicle_id = vehicle.json()->getValue<std::string>("id");
    const Reply entry = owner.send("POST", "/api/vehicles/" + vehicle_id + "/entries",
                                   R"({"date":"2025-05-01","category":"wartung","performed_by":"fachwerkstatt","odometer_km":42000})");
    BOOST_REQUIRE_MESSAGE(entry.status == 201, entry.body);
    const Reply document = owner.client.request("POST", "/api/vehicles/" + vehicle_id + "/documents?filename=rechnung.pdf",
                                                ltc::test_images::make_pdf(), "application/octet-stream",
                                                owner.session.cookie_and_csrf());
    BOOST_REQUIRE_MESSAGE(document.status == 201, document.body);
    write_state(batch, {
                           {"token", owner.session.token},
                           {"user_id", owner.session.user_id},
                           {"vehicle_id", vehicle_id},
                           {"vin_masked", vehicle.json()->getValue<std::string>("vin_masked")},
                           {"entry_id", entry.json()->getValue<std::string>("id")},
                           {"document_id", document.json()->getValue<std::string>("id")},
                           {"sha256", document.json()->getValue<std::string>("sha256")},
                       });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(restore_drill_check, *boost::unit_test::label("restore_drill_check") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(present_batches_answer_as_before_and_absent_ones_are_gone) {
    const auto present = batches("LTC_DRILL_PRESENT");
    const auto absent = batches("LTC_DRILL_ABSENT");
    BOOST_REQUIRE(!present.empty());
    StackClient client(fresh_source_ip());
    for (const std::string& batch : present) {
        BOOST_TEST_CONTEXT("batch " << batch) {
            const State state = read_state(batch);
            const Session session{state.at("user_id"), state.at("token"), "", ""};
            const Reply me = client.get("/api/auth/me", session.bearer());
            BOOST_REQUIRE_MESSAGE(me.status == 200, me.body);
            BOOST_TEST(me.json()->getObject("user")->getValue<std::string>("id") == state.at("user_id"));
            const Reply vehicle = client.get("/api/vehicles/" + state.at("vehicle_id"), session.bearer());
            BOOST_REQUIRE_MESSAGE(vehicle.status == 200, vehicle.body);
            BOOST_TEST(vehicle.json()->getValue<std::string>("vin_masked") == state.at("vin_masked"));
            const Reply entries = client.get("/api/vehicles/" + state.at("vehicle_id") + "/entries", session.bearer());
            BOOST_REQUIRE_MESSAGE(entries.status == 200, entries.body);
            BOOST_TEST(lists_id(entries.json()->getArray("items"), state.at("entry_id")));
            // The document is still quarantined (its content is for admins until approved): its
            // row through the API, its bytes from the restored store.
            const Reply document = client.get("/api/documents/" + state.at("document_id"), session.bearer());
            BOOST_REQUIRE_MESSAGE(document.status == 200, document.body);
            BOOST_TEST(document.json()->getValue<std::string>("sha256") == state.at("sha256"));
            const std::string stored = read_file(var_dir() + "/storage/files/" + state.at("document_id"));
            BOOST_TEST(ltc::crypto::sha256_hex(stored) == state.at("sha256"));
        }
    }
    for (const std::string& batch : absent) {
        BOOST_TEST_CONTEXT("batch " << batch) {
            const State state = read_state(batch);
            // Its session row is gone with its account: the token opens nothing.
            const Reply me = client.get("/api/auth/me", {{"Authorization", "Bearer " + state.at("token")}});
            BOOST_TEST(me.status == 401);
            BOOST_TEST(count_rows("SELECT count(*) FROM vehicles WHERE id = '" + state.at("vehicle_id") + "'") == 0);
            BOOST_TEST(count_rows("SELECT count(*) FROM documents WHERE id = '" + state.at("document_id") + "'") == 0);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
