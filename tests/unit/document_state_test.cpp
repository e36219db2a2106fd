// The transition table of PRODUCT.md §7: every event from every relevant state.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <vector>

#include "documents/document_state.hpp"

using namespace ltc::documents;

namespace {

DocumentState state(Approval approval, Scan scan, Pii pii, bool deleted = false) {
    return DocumentState{approval, scan, pii, deleted};
}

struct Row {
    DocumentState from;
    Event event;
    std::variant<DocumentState, std::string> expected;  // the new state or the refusal code
};

constexpr auto Q = Approval::quarantined;
constexpr auto A = Approval::approved;
constexpr auto R = Approval::rejected;

const std::vector<Row>& table() {
    static const std::vector<Row> rows = {
        // scan results
        {state(Q, Scan::pending, Pii::ok), Event::scan_clean, state(Q, Scan::clean, Pii::ok)},
        {state(Q, Scan::pending, Pii::ok), Event::scan_infected, state(R, Scan::infected, Pii::ok)},
        {state(A, Scan::clean, Pii::ok), Event::scan_infected, state(R, Scan::infected, Pii::ok)},
        {state(R, Scan::infected, Pii::ok), Event::scan_clean, state(R, Scan::clean, Pii::ok)},  // rejected stays
        // PII
        {state(Q, Scan::clean, Pii::ok), Event::pii_suspected, state(Q, Scan::clean, Pii::suspected)},
        {state(A, Scan::clean, Pii::ok), Event::pii_suspected, state(A, Scan::clean, Pii::suspected)},
        {state(A, Scan::clean, Pii::suspected), Event::pii_confirmed, state(A, Scan::clean, Pii::confirmed)},
        {state(A, Scan::clean, Pii::confirmed), Event::pii_ok, state(A, Scan::clean, Pii::ok)},
        {state(R, Scan::clean, Pii::ok), Event::pii_suspected, state(R, Scan::clean, Pii::suspected)},
        // approve: deleted → rejected → scan → PII
        {state(Q, Scan::clean, Pii::ok), Event::approve, state(A, Scan::clean, Pii::ok)},
        {state(A, Scan::clean, Pii::ok), Event::approve, state(A, Scan::clean, Pii::ok)},
        {state(Q, Scan::pending, Pii::ok), Event::approve, std::string("scan_not_clean")},
        {state(Q, Scan::pending, Pii::suspected), Event::approve, std::string("scan_not_clean")},
        {state(Q, Scan::clean, Pii::suspected), Event::approve, std::string("pii_not_cleared")},
        {state(Q, Scan::clean, Pii::confirmed), Event::approve, std::string("pii_not_cleared")},
        {state(R, Scan::infected, Pii::ok), Event::approve, std::string("document_rejected")},
        {state(R, Scan::clean, Pii::ok), Event::approve, std::string("document_rejected")},
        {state(Q, Scan::clean, Pii::ok, true), Event::approve, std::string("document_deleted")},
        {state(R, Scan::pending, Pii::suspected, true), Event::approve, std::string("document_deleted")},
        // reject: final
        {state(Q, Scan::pending, Pii::ok), Event::reject, state(R, Scan::pending, Pii::ok)},
        {state(A, Scan::clean, Pii::ok), Event::reject, state(R, Scan::clean, Pii::ok)},
        {state(R, Scan::clean, Pii::ok), Event::reject, std::string("document_rejected")},
        {state(Q, Scan::clean, Pii::ok, true), Event::reject, std::string("document_deleted")},
        // delete
        {state(A, Scan::clean, Pii::ok), Event::remove, state(A, Scan::clean, Pii::ok, true)},
        {state(R, Scan::infected, Pii::ok), Event::remove, state(R, Scan::infected, Pii::ok, true)},
        {state(Q, Scan::pending, Pii::ok, true), Event::remove, std::string("document_deleted")},
        // nothing happens to a deleted document
        {state(Q, Scan::pending, Pii::ok, true), Event::scan_clean, std::string("document_deleted")},
        {state(Q, Scan::pending, Pii::ok, true), Event::pii_suspected, std::string("document_deleted")},
    };
    return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document_state)

BOOST_AUTO_TEST_CASE(the_transition_table) {
    for (std::size_t i = 0; i < table().size(); ++i) {
        const Row& row = table()[i];
        const auto result = transition(row.from, row.event);
        if (const auto* expected = std::get_if<DocumentState>(&row.expected)) {
            const auto* got = std::get_if<DocumentState>(&result);
            BOOST_TEST_CONTEXT("row " << i) {
                BOOST_TEST_REQUIRE(got != nullptr);
                BOOST_TEST((*got == *expected));
            }
        } else {
            const auto* refusal = std::get_if<Refusal>(&result);
            BOOST_TEST_CONTEXT("row " << i) {
                BOOST_TEST_REQUIRE(refusal != nullptr);
                BOOST_TEST(refusal->code == std::get<std::string>(row.expected));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(valid_evidence_needs_all_four) {
    BOOST_TEST(is_valid_evidence(state(A, Scan::clean, Pii::ok)));
    BOOST_TEST(!is_valid_evidence(state(Q, Scan::clean, Pii::ok)));
    BOOST_TEST(!is_valid_evidence(state(R, Scan::clean, Pii::ok)));
    BOOST_TEST(!is_valid_evidence(state(A, Scan::pending, Pii::ok)));
    BOOST_TEST(!is_valid_evidence(state(A, Scan::clean, Pii::suspected)));
    BOOST_TEST(!is_valid_evidence(state(A, Scan::clean, Pii::confirmed)));
    BOOST_TEST(!is_valid_evidence(state(A, Scan::clean, Pii::ok, true)));
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
    for (const auto a : {Approval::quarantined, Approval::approved, Approval::rejected}) BOOST_TEST((parse_approval(to_string(a)) == a));
    for (const auto s : {Scan::pending, Scan::clean, Scan::infected}) BOOST_TEST((parse_scan(to_string(s)) == s));
    for (const auto p : {Pii::ok, Pii::suspected, Pii::confirmed}) BOOST_TEST((parse_pii(to_string(p)) == p));
    BOOST_TEST(!parse_pii("OK"));
}

BOOST_AUTO_TEST_SUITE_END()
