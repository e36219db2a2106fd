#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "trust/trust_light.hpp"

using namespace ltc::trust;

namespace {

constexpr const char* today_iso = "2024-06-15";

CivilDate d(const char* iso) {
    const auto date = parse_iso_date(iso);
    BOOST_REQUIRE_MESSAGE(date.has_value(), iso);
    return *date;
}

EntryFacts entry(const char* date, std::int64_t km, TrustLevel level,
                 const char* category = "wartung") {
    return EntryFacts{d(date), km, level, category};
}

// n entries, one a year back from today, rising km, with the given number of T3 and T2 entries
// (the rest T1): current, consistent.
std::vector<EntryFacts> entries(int t3, int t2, int t1) {
    std::vector<EntryFacts> out;
    const int n = t3 + t2 + t1;
    for (int i = 0; i < n; ++i) {
        const TrustLevel level = i < t3 ? TrustLevel::T3 : (i < t3 + t2 ? TrustLevel::T2 : TrustLevel::T1);
        out.push_back(EntryFacts{add_months(d(today_iso), -12 * (n - 1 - i)), 10000 + 10000 * i, level,
                                 "wartung"});
    }
    return out;
}

TrustInput base(std::vector<EntryFacts> es, AccidentStatus status = AccidentStatus::unfallfrei) {
    TrustInput input;
    input.entries = std::move(es);
    input.accident_status = status;
    input.owner_role = "user";
    input.today = d(today_iso);
    return input;
}

// Good, complete documentation: gruen with no reasons.
TrustInput good() { return base(entries(2, 0, 0)); }

std::vector<std::string> codes(const TrustResult& result) {
    std::vector<std::string> out;
    for (const auto& r : result.reasons) out.push_back(r.code);
    return out;
}

std::string light(const TrustInput& input) { return std::string(to_string(compute_trust(input).light)); }

const std::map<std::string, std::pair<std::string, std::string>>& expected_table() {
    static const std::map<std::string, std::pair<std::string, std::string>> table{
        {"history_missing", {"block", "Für dieses Fahrzeug ist noch keine Historie dokumentiert."}},
        {"evidence_largely_missing", {"block", "Für die dokumentierte Historie fehlen weitgehend Nachweise."}},
        {"odometer_inconsistent", {"cap", "Die Kilometerstände der Historie sind nicht schlüssig."}},
        {"accident_status_unknown", {"cap", "Der Unfallstatus ist unbekannt. Die Trust-Ampel ist daher begrenzt."}},
        {"accident_open", {"cap", "Ein Unfall ist dokumentiert, aber noch nicht mit Nachweisen abgeschlossen."}},
        {"verification_low", {"cap", "Die Einträge sind überwiegend nicht belegt."}},
        {"pii_review_open", {"warn", "Eine offene Datenschutz-Prüfung verhindert die höchste Stufe."}},
        {"verification_not_high",
         {"warn", "Für die höchste Stufe muss die Mehrzahl der Einträge mit Dokumenten belegt sein."}},
        {"history_not_current", {"warn", "Die Historie ist nicht aktuell oder weist größere Lücken auf."}},
        {"documents_pending",
         {"info", "Dokumente sind noch nicht freigegeben. Nachweise zählen erst nach Prüfung."}},
    };
    return table;
}

const std::map<std::string, int>& expected_priority() {
    static const std::map<std::string, int> table{
        {"history_missing", 10},      {"evidence_largely_missing", 20}, {"odometer_inconsistent", 30},
        {"accident_status_unknown", 40}, {"accident_open", 50},         {"verification_low", 60},
        {"pii_review_open", 70},      {"verification_not_high", 80},    {"history_not_current", 90},
        {"documents_pending", 100},
    };
    return table;
}

const std::string complete = "Die Dokumentation ist vollständig nachweisbar.";

struct Case {
    std::string name;
    TrustInput input;
    std::string light;
    std::vector<std::string> codes;
};

std::vector<Case> decision_table() {
    std::vector<Case> cases;
    auto add = [&](std::string name, TrustInput input, std::string l, std::vector<std::string> c) {
        cases.push_back(Case{std::move(name), std::move(input), std::move(l), std::move(c)});
    };

    add("complete documentation", good(), "gruen", {});
    add("no entries, accident unknown", base({}, AccidentStatus::unbekannt), "rot",
        {"history_missing", "accident_status_unknown"});
    add("no entries, unfallfrei", base({}), "rot", {"history_missing"});
    add("only self-declared entries", base(entries(0, 0, 4)), "rot",
        {"evidence_largely_missing", "verification_low", "verification_not_high"});
    {
        auto input = good();
        input.entries = {entry("2023-06-01", 50000, TrustLevel::T3), entry("2024-06-01", 40000, TrustLevel::T3)};
        add("odometer goes back", input, "orange", {"odometer_inconsistent"});
    }
    add("accident status unknown", base(entries(2, 0, 0), AccidentStatus::unbekannt), "orange",
        {"accident_status_unknown"});
    add("accident not closed", base(entries(2, 0, 0), AccidentStatus::nicht_unfallfrei), "orange",
        {"accident_open"});
    add("one in four entries proven", base(entries(1, 0, 3)), "orange",
        {"verification_low", "verification_not_high"});
    {
        auto input = good();
        input.documents.pii_open = true;
        add("privacy review open", input, "gelb", {"pii_review_open"});
    }
    add("paper book but few documents", base(entries(1, 2, 0)), "gelb", {"verification_not_high"});
    {
        auto input = good();
        input.entries = {entry("2020-01-10", 10000, TrustLevel::T3), entry("2021-03-01", 20000, TrustLevel::T3)};
        add("history outdated", input, "gelb", {"history_not_current"});
    }
    {
        auto input = good();
        input.documents.quarantined = 2;
        add("documents pending only", input, "gruen", {"documents_pending"});
    }
    {
        auto input = base({entry("2019-05-01", 90000, TrustLevel::T1), entry("2020-05-01", 80000, TrustLevel::T1),
                           entry("2021-05-01", 95000, TrustLevel::T1)},
                          AccidentStatus::unbekannt);
        input.documents.pii_open = true;
        input.documents.quarantined = 1;
        add("everything wrong at once", input, "rot",
            {"evidence_largely_missing", "odometer_inconsistent", "accident_status_unknown", "verification_low",
             "pii_review_open", "verification_not_high", "history_not_current", "documents_pending"});
    }
    {
        auto input = base(entries(2, 0, 0), AccidentStatus::nicht_unfallfrei);
        input.accident_closed = true;
        input.entries.push_back(entry("2024-06-10", 15000, TrustLevel::T2, "unfallreparatur"));
        input.documents.pii_open = true;
        add("closed accident without proof and privacy review", input, "orange",
            {"accident_open", "pii_review_open"});
    }
    return cases;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(trust_light)

BOOST_AUTO_TEST_CASE(derive_trust_level_from_evidence_and_paper_book) {
    BOOST_TEST(to_string(derive_trust_level(true, true)) == "T3");
    BOOST_TEST(to_string(derive_trust_level(true, false)) == "T3");
    BOOST_TEST(to_string(derive_trust_level(false, true)) == "T2");
    BOOST_TEST(to_string(derive_trust_level(false, false)) == "T1");
}

BOOST_AUTO_TEST_CASE(decision_table_reaches_every_code_and_every_light) {
    std::set<std::string> seen_codes;
    std::set<std::string> seen_lights;
    for (const auto& c : decision_table()) {
        BOOST_TEST_CONTEXT(c.name) {
            const TrustResult result = compute_trust(c.input);
            BOOST_TEST(std::string(to_string(result.light)) == c.light);
            BOOST_TEST(codes(result) == c.codes, boost::test_tools::per_element());
            seen_lights.insert(std::string(to_string(result.light)));
            for (const auto& r : result.reasons) {
                seen_codes.insert(r.code);
                BOOST_TEST_CONTEXT(r.code) {
                    const auto& [severity, hint] = expected_table().at(r.code);
                    BOOST_TEST(std::string(to_string(r.severity)) == severity);
                    BOOST_TEST(r.hint == hint);
                    BOOST_TEST(r.priority == expected_priority().at(r.code));
                    BOOST_TEST(!r.priority_todo);  // owner role "user"
                }
            }
            // Reasons strictly ordered by priority.
            for (std::size_t i = 1; i < result.reasons.size(); ++i) {
                BOOST_TEST(result.reasons[i - 1].priority < result.reasons[i].priority);
            }
            // Hint = the first reason's, unless only info (or nothing) applies.
            if (result.reasons.empty() || result.reasons.front().severity == Severity::info) {
                BOOST_TEST(result.hint == complete);
            } else {
                BOOST_TEST(result.hint == result.reasons.front().hint);
            }
            BOOST_TEST(result.sentence == std::string(light_sentence(result.light)));
        }
    }
    BOOST_TEST(seen_codes.size() == expected_table().size());
    for (const auto& [code, unused] : expected_table()) {
        BOOST_TEST_CONTEXT(code) { BOOST_TEST(seen_codes.count(code) == 1u); }
    }
    BOOST_TEST(seen_lights == (std::set<std::string>{"rot", "orange", "gelb", "gruen"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(exact_sentences_hints_and_labels) {
    BOOST_TEST(std::string(light_sentence(Light::rot)) == "Nachweisqualität gering oder unsicher.");
    BOOST_TEST(std::string(light_sentence(Light::orange)) == "Nachweise lückenhaft oder Unfallstatus offen.");
    BOOST_TEST(std::string(light_sentence(Light::gelb)) == "Solide Dokumentation mit Verbesserungspotenzial.");
    BOOST_TEST(std::string(light_sentence(Light::gruen)) == "Sehr gute, belegte Dokumentation.");
    BOOST_TEST(std::string(complete_hint) == complete);
    BOOST_TEST(std::string(accident_status_label(AccidentStatus::unfallfrei)) == "Unfallfrei");
    BOOST_TEST(std::string(accident_status_label(AccidentStatus::nicht_unfallfrei)) == "Nicht unfallfrei");
    BOOST_TEST(std::string(accident_status_label(AccidentStatus::unbekannt)) == "Unbekannt");
    BOOST_TEST(std::string(to_string(Light::rot)) == "rot");
    BOOST_TEST(std::string(to_string(Light::orange)) == "orange");
    BOOST_TEST(std::string(to_string(Light::gelb)) == "gelb");
    BOOST_TEST(std::string(to_string(Light::gruen)) == "gruen");
    BOOST_TEST(std::string(to_string(Severity::block)) == "block");
    BOOST_TEST(std::string(to_string(Severity::cap)) == "cap");
    BOOST_TEST(std::string(to_string(Severity::warn)) == "warn");
    BOOST_TEST(std::string(to_string(Severity::info)) == "info");
    for (const char* status : {"unfallfrei", "nicht_unfallfrei", "unbekannt"}) {
        BOOST_TEST_CONTEXT(status) {
            const auto parsed = parse_accident_status(status);
            BOOST_REQUIRE(parsed.has_value());
            BOOST_TEST(std::string(to_string(*parsed)) == status);
        }
    }
    BOOST_TEST(!parse_accident_status("Unfallfrei").has_value());
    BOOST_TEST(!parse_accident_status("").has_value());

    const TrustResult green = compute_trust(good());
    BOOST_TEST(green.hint == complete);
    BOOST_TEST(green.sentence == "Sehr gute, belegte Dokumentation.");
    const TrustResult red = compute_trust(base({}));
    BOOST_TEST(red.hint == "Für dieses Fahrzeug ist noch keine Historie dokumentiert.");
    BOOST_TEST(red.sentence == "Nachweisqualität gering oder unsicher.");
}

BOOST_AUTO_TEST_CASE(no_public_text_contains_a_digit) {
    auto has_digit = [](const std::string& s) {
        return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::set<std::string> hints;
    for (const auto& c : decision_table()) {
        const TrustResult result = compute_trust(c.input);
        hints.insert(result.hint);
        hints.insert(result.sentence);
        for (const auto& r : result.reasons) hints.insert(r.hint);
        const auto& ind = result.indicators;
        for (const auto* value : {&ind.history, &ind.evidence, &ind.verification, &ind.regularity, &ind.odometer,
                                  &ind.accident}) {
            hints.insert(*value);
        }
    }
    for (const auto& [code, entry] : expected_table()) hints.insert(entry.second);
    for (Light l : {Light::rot, Light::orange, Light::gelb, Light::gruen}) {
        hints.insert(std::string(light_sentence(l)));
        hints.insert(std::string(to_string(l)));
    }
    for (AccidentStatus s : {AccidentStatus::unfallfrei, AccidentStatus::nicht_unfallfrei, AccidentStatus::unbekannt}) {
        hints.insert(std::string(accident_status_label(s)));
    }
    hints.insert(complete);
    BOOST_TEST(hints.size() > 20u);
    for (const auto& text : hints) {
        BOOST_TEST_CONTEXT(text) { BOOST_TEST(!has_digit(text)); }
    }
}

BOOST_AUTO_TEST_CASE(evidence_largely_missing_threshold_is_exactly_a_quarter) {
    // n = 4: (v2+v3) = 1 is not below n/4; 0 is.
    BOOST_TEST(codes(compute_trust(base(entries(0, 1, 3)))) ==
                   (std::vector<std::string>{"verification_low", "verification_not_high"}),
               boost::test_tools::per_element());
    BOOST_TEST(codes(compute_trust(base(entries(1, 0, 3)))) ==
                   (std::vector<std::string>{"verification_low", "verification_not_high"}),
               boost::test_tools::per_element());
    BOOST_TEST(codes(compute_trust(base(entries(0, 0, 4)))) ==
                   (std::vector<std::string>{"evidence_largely_missing", "verification_low", "verification_not_high"}),
               boost::test_tools::per_element());
    BOOST_TEST(light(base(entries(0, 1, 3))) == "orange");
    BOOST_TEST(light(base(entries(0, 0, 4))) == "rot");
    // n = 5: 4·1 < 5 fires; 4·2 < 5 does not.
    BOOST_TEST(codes(compute_trust(base(entries(1, 0, 4))))[0] == "evidence_largely_missing");
    BOOST_TEST(codes(compute_trust(base(entries(1, 1, 3))))[0] == "verification_low");
    // n = 8: exactly 2 is a quarter.
    BOOST_TEST(codes(compute_trust(base(entries(0, 2, 6))))[0] == "verification_low");
    BOOST_TEST(codes(compute_trust(base(entries(0, 1, 7))))[0] == "evidence_largely_missing");
}

BOOST_AUTO_TEST_CASE(verification_low_threshold_is_exactly_a_half) {
    // n = 4: (v2+v3) = 2 is not below n/2; 1 is.
    BOOST_TEST(codes(compute_trust(base(entries(0, 2, 2)))) == (std::vector<std::string>{"verification_not_high"}),
               boost::test_tools::per_element());
    BOOST_TEST(codes(compute_trust(base(entries(0, 1, 3))))[0] == "verification_low");
    // n = 3: 2·1 < 3 fires; 2·2 < 3 does not.
    BOOST_TEST(codes(compute_trust(base(entries(0, 1, 2))))[0] == "verification_low");
    BOOST_TEST(codes(compute_trust(base(entries(0, 2, 1))))[0] == "verification_not_high");
}

BOOST_AUTO_TEST_CASE(verification_not_high_threshold_is_exactly_a_half) {
    // n = 4: v3 = 2 is not below n/2; v3 = 1 is.
    BOOST_TEST(codes(compute_trust(base(entries(2, 0, 2)))).empty());
    BOOST_TEST(light(base(entries(2, 0, 2))) == "gruen");
    BOOST_TEST(codes(compute_trust(base(entries(1, 1, 2)))) == (std::vector<std::string>{"verification_not_high"}),
               boost::test_tools::per_element());
    BOOST_TEST(light(base(entries(1, 1, 2))) == "gelb");
    // n = 3: v3 = 1 fires (2 < 3), v3 = 2 does not.
    BOOST_TEST(codes(compute_trust(base(entries(1, 2, 0)))) == (std::vector<std::string>{"verification_not_high"}),
               boost::test_tools::per_element());
    BOOST_TEST(codes(compute_trust(base(entries(2, 0, 1)))).empty());
    // n = 1.
    BOOST_TEST(codes(compute_trust(base(entries(1, 0, 0)))).empty());
    BOOST_TEST(codes(compute_trust(base(entries(0, 1, 0)))) == (std::vector<std::string>{"verification_not_high"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(verification_and_evidence_indicators) {
    struct Row { int t3, t2, t1; const char* verification; const char* evidence; };
    for (const Row& row : {Row{2, 0, 2, "hoch", "vorhanden"}, Row{1, 1, 2, "mittel", "vorhanden"},
                           Row{0, 2, 2, "mittel", "nicht_vorhanden"}, Row{1, 0, 3, "niedrig", "vorhanden"},
                           Row{0, 0, 4, "niedrig", "nicht_vorhanden"}, Row{1, 1, 1, "mittel", "vorhanden"},
                           Row{2, 0, 1, "hoch", "vorhanden"}, Row{0, 1, 0, "mittel", "nicht_vorhanden"},
                           Row{0, 0, 0, "niedrig", "nicht_vorhanden"}}) {
        BOOST_TEST_CONTEXT(row.t3 << "/" << row.t2 << "/" << row.t1) {
            const TrustResult result = compute_trust(base(entries(row.t3, row.t2, row.t1)));
            BOOST_TEST(result.indicators.verification == row.verification);
            BOOST_TEST(result.indicators.evidence == row.evidence);
            BOOST_TEST(result.indicators.history == (row.t3 + row.t2 + row.t1 > 0 ? "vorhanden" : "nicht_vorhanden"));
        }
    }
}

BOOST_AUTO_TEST_CASE(counts_per_level) {
    const TrustResult result = compute_trust(base(entries(3, 2, 1)));
    BOOST_TEST(result.counts.entries == 6);
    BOOST_TEST(result.counts.t3 == 3);
    BOOST_TEST(result.counts.t2 == 2);
    BOOST_TEST(result.counts.t1 == 1);
    const TrustResult none = compute_trust(base({}));
    BOOST_TEST(none.counts.entries == 0);
    BOOST_TEST(none.counts.t1 + none.counts.t2 + none.counts.t3 == 0);
}

BOOST_AUTO_TEST_CASE(odometer_consistency) {
    using V = std::vector<EntryFacts>;
    const auto T3 = TrustLevel::T3;
    // Rising or equal km: consistent.
    BOOST_TEST(!odometer_inconsistent(V{entry("2023-01-01", 1000, T3), entry("2024-01-01", 1000, T3)}));
    BOOST_TEST(!odometer_inconsistent(V{entry("2023-01-01", 1000, T3), entry("2024-01-01", 2000, T3)}));
    // A later date with fewer km.
    BOOST_TEST(odometer_inconsistent(V{entry("2023-01-01", 2000, T3), entry("2024-01-01", 1999, T3)}));
    // Lower than any earlier entry, not only the previous one.
    BOOST_TEST(odometer_inconsistent(
        V{entry("2022-01-01", 10000, T3), entry("2023-01-01", 30000, T3), entry("2024-01-01", 20000, T3)}));
    // Input order does not matter.
    BOOST_TEST(odometer_inconsistent(V{entry("2024-01-01", 1999, T3), entry("2023-01-01", 2000, T3)}));
    BOOST_TEST(!odometer_inconsistent(V{entry("2024-01-01", 2000, T3), entry("2023-01-01", 1000, T3)}));
    // Same date never contradicts, in either order.
    BOOST_TEST(!odometer_inconsistent(V{entry("2024-01-01", 5000, T3), entry("2024-01-01", 3000, T3)}));
    BOOST_TEST(!odometer_inconsistent(V{entry("2024-01-01", 3000, T3), entry("2024-01-01", 5000, T3)}));
    BOOST_TEST(!odometer_inconsistent(V{entry("2023-01-01", 1000, T3), entry("2024-01-01", 5000, T3),
                                        entry("2024-01-01", 3000, T3), entry("2024-02-01", 5000, T3)}));
    // But a same-date entry raises the bar for later dates …
    BOOST_TEST(odometer_inconsistent(
        V{entry("2023-01-01", 1000, T3), entry("2023-01-01", 3000, T3), entry("2024-01-01", 2000, T3)}));
    // … and each entry of a date is compared with all strictly earlier dates.
    BOOST_TEST(odometer_inconsistent(
        V{entry("2023-01-01", 1000, T3), entry("2024-01-01", 5000, T3), entry("2024-01-01", 999, T3)}));
    BOOST_TEST(!odometer_inconsistent(V{}));
    BOOST_TEST(!odometer_inconsistent(V{entry("2024-01-01", 0, T3)}));
}

BOOST_AUTO_TEST_CASE(odometer_indicator_needs_two_distinct_dates) {
    auto indicator = [](std::vector<EntryFacts> es) { return compute_trust(base(std::move(es))).indicators.odometer; };
    const auto T3 = TrustLevel::T3;
    BOOST_TEST(indicator({}) == "kein_urteil");
    BOOST_TEST(indicator({entry("2024-01-01", 1000, T3)}) == "kein_urteil");
    BOOST_TEST(indicator({entry("2024-01-01", 5000, T3), entry("2024-01-01", 1000, T3)}) == "kein_urteil");
    BOOST_TEST(indicator({entry("2023-01-01", 1000, T3), entry("2024-01-01", 5000, T3)}) == "schluessig");
    BOOST_TEST(indicator({entry("2023-01-01", 5000, T3), entry("2024-01-01", 1000, T3)}) == "nicht_schluessig");
    BOOST_TEST(distinct_dates({entry("2024-01-01", 5000, T3), entry("2024-01-01", 1000, T3)}) == 1);
    BOOST_TEST(distinct_dates({entry("2023-01-01", 5000, T3), entry("2024-01-01", 1000, T3),
                               entry("2023-01-01", 1000, T3)}) == 2);

    // Same date with different km: no reason, colour unaffected.
    const TrustResult same_day = compute_trust(base({entry("2024-01-01", 5000, T3), entry("2024-01-01", 1000, T3)}));
    BOOST_TEST(codes(same_day).empty());
    BOOST_TEST(std::string(to_string(same_day.light)) == "gruen");
}

BOOST_AUTO_TEST_CASE(accident_status_combinations) {
    struct Row {
        AccidentStatus status;
        bool closed;
        bool t3_repair;
        const char* indicator;
        std::vector<std::string> codes;
        const char* light;
    };
    const std::vector<Row> rows{
        {AccidentStatus::unfallfrei, false, false, "unfallfrei", {}, "gruen"},
        {AccidentStatus::unfallfrei, false, true, "unfallfrei", {}, "gruen"},
        {AccidentStatus::unfallfrei, true, false, "unfallfrei", {}, "gruen"},
        {AccidentStatus::unfallfrei, true, true, "unfallfrei", {}, "gruen"},
        {AccidentStatus::unbekannt, false, false, "unbekannt", {"accident_status_unknown"}, "orange"},
        {AccidentStatus::unbekannt, false, true, "unbekannt", {"accident_status_unknown"}, "orange"},
        {AccidentStatus::unbekannt, true, false, "unbekannt", {"accident_status_unknown"}, "orange"},
        {AccidentStatus::unbekannt, true, true, "unbekannt", {"accident_status_unknown"}, "orange"},
        {AccidentStatus::nicht_unfallfrei, false, false, "nicht_unfallfrei_offen", {"accident_open"}, "orange"},
        {AccidentStatus::nicht_unfallfrei, false, true, "nicht_unfallfrei_offen", {"accident_open"}, "orange"},
        {AccidentStatus::nicht_unfallfrei, true, false, "nicht_unfallfrei_offen", {"accident_open"}, "orange"},
        {AccidentStatus::nicht_unfallfrei, true, true, "nicht_unfallfrei_abgeschlossen", {}, "gruen"},
    };
    for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(to_string(row.status) << " closed=" << row.closed << " t3_repair=" << row.t3_repair) {
            TrustInput input = base(entries(2, 0, 0), row.status);
            input.accident_closed = row.closed;
            input.entries.push_back(entry("2024-06-10", 15000, row.t3_repair ? TrustLevel::T3 : TrustLevel::T2,
                                          row.t3_repair ? "unfallreparatur" : "wartung"));
            if (!row.t3_repair) input.entries.push_back(entry("2024-06-12", 15000, TrustLevel::T3));
            const TrustResult result = compute_trust(input);
            BOOST_TEST(result.indicators.accident == row.indicator);
            BOOST_TEST(codes(result) == row.codes, boost::test_tools::per_element());
            BOOST_TEST(std::string(to_string(result.light)) == row.light);
            BOOST_TEST(accident_open(row.status, row.closed, input.entries) ==
                       (row.indicator == std::string("nicht_unfallfrei_offen")));
        }
    }
}

BOOST_AUTO_TEST_CASE(accident_repair_must_be_proven_by_a_document) {
    const auto es_with = [](TrustLevel level, const char* category) {
        auto es = entries(2, 0, 0);
        es.push_back(entry("2024-06-10", 15000, level, category));
        return es;
    };
    // Closed, but the repair is only stamped (T2) or self-declared (T1): still open.
    BOOST_TEST(accident_open(AccidentStatus::nicht_unfallfrei, true, es_with(TrustLevel::T2, "unfallreparatur")));
    BOOST_TEST(accident_open(AccidentStatus::nicht_unfallfrei, true, es_with(TrustLevel::T1, "unfallreparatur")));
    // A proven entry of another category does not close it either.
    BOOST_TEST(accident_open(AccidentStatus::nicht_unfallfrei, true, es_with(TrustLevel::T3, "reparatur")));
    BOOST_TEST(!accident_open(AccidentStatus::nicht_unfallfrei, true, es_with(TrustLevel::T3, "unfallreparatur")));
    // Without entries a closed accident cannot be proven.
    BOOST_TEST(accident_open(AccidentStatus::nicht_unfallfrei, true, {}));
    const TrustResult empty = compute_trust([] {
        auto input = base({}, AccidentStatus::nicht_unfallfrei);
        input.accident_closed = true;
        return input;
    }());
    BOOST_TEST(codes(empty) == (std::vector<std::string>{"history_missing", "accident_open"}),
               boost::test_tools::per_element());
    BOOST_TEST(empty.indicators.accident == "nicht_unfallfrei_offen");
}

BOOST_AUTO_TEST_CASE(vip_and_dealer_get_the_first_three_non_info_reasons_as_priority) {
    auto input = base({entry("2019-05-01", 90000, TrustLevel::T1), entry("2020-05-01", 80000, TrustLevel::T1),
                       entry("2021-05-01", 95000, TrustLevel::T1)},
                      AccidentStatus::unbekannt);
    input.documents.pii_open = true;
    input.documents.quarantined = 1;
    for (const char* role : {"vip", "dealer"}) {
        BOOST_TEST_CONTEXT(role) {
            input.owner_role = role;
            const TrustResult result = compute_trust(input);
            std::vector<std::string> marked;
            for (const auto& r : result.reasons) {
                if (r.priority_todo) marked.push_back(r.code);
            }
            BOOST_TEST(marked == (std::vector<std::string>{"evidence_largely_missing", "odometer_inconsistent",
                                                           "accident_status_unknown"}),
                       boost::test_tools::per_element());
            BOOST_TEST(result.reasons.size() == 8u);
            BOOST_TEST(!result.reasons.back().priority_todo);  // documents_pending (info)
        }
    }
    for (const char* role : {"user", "admin", "superadmin", "moderator", "", "VIP"}) {
        BOOST_TEST_CONTEXT(role) {
            input.owner_role = role;
            const TrustResult result = compute_trust(input);
            BOOST_TEST(std::none_of(result.reasons.begin(), result.reasons.end(),
                                    [](const Reason& r) { return r.priority_todo; }));
        }
    }
}

BOOST_AUTO_TEST_CASE(vip_priority_never_marks_info) {
    auto input = good();
    input.owner_role = "vip";
    input.documents.pii_open = true;
    input.documents.quarantined = 3;
    const TrustResult result = compute_trust(input);
    BOOST_REQUIRE(result.reasons.size() == 2u);
    BOOST_TEST(result.reasons[0].code == "pii_review_open");
    BOOST_TEST(result.reasons[0].priority_todo);
    BOOST_TEST(result.reasons[1].code == "documents_pending");
    BOOST_TEST(!result.reasons[1].priority_todo);

    input.documents.pii_open = false;
    const TrustResult only_info = compute_trust(input);
    BOOST_REQUIRE(only_info.reasons.size() == 1u);
    BOOST_TEST(!only_info.reasons[0].priority_todo);
}

BOOST_AUTO_TEST_CASE(info_never_changes_the_colour_or_the_hint) {
    for (auto c : decision_table()) {
        BOOST_TEST_CONTEXT(c.name) {
            c.input.documents.quarantined = 0;
            const TrustResult without = compute_trust(c.input);
            c.input.documents.quarantined = 5;
            const TrustResult with = compute_trust(c.input);
            BOOST_TEST(to_string(with.light) == to_string(without.light));
            BOOST_TEST(with.sentence == without.sentence);
            BOOST_TEST(with.hint == without.hint);
            BOOST_REQUIRE(!with.reasons.empty());
            BOOST_TEST(with.reasons.back().code == "documents_pending");
            BOOST_TEST(with.reasons.size() == without.reasons.size() + 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(result_is_deterministic_and_independent_of_entry_order) {
    auto input = base({entry("2021-05-01", 95000, TrustLevel::T2), entry("2019-05-01", 90000, TrustLevel::T2),
                       entry("2024-01-01", 80000, TrustLevel::T1, "unfallreparatur"),
                       entry("2024-01-01", 99000, TrustLevel::T3)},
                      AccidentStatus::nicht_unfallfrei);
    input.owner_role = "vip";
    const TrustResult first = compute_trust(input);
    std::reverse(input.entries.begin(), input.entries.end());
    const TrustResult second = compute_trust(input);
    BOOST_TEST(codes(first) == codes(second), boost::test_tools::per_element());
    BOOST_TEST(to_string(first.light) == to_string(second.light));
    BOOST_TEST(first.hint == second.hint);
    BOOST_TEST(first.indicators.odometer == second.indicators.odometer);
    BOOST_TEST(first.indicators.regularity == second.indicators.regularity);
    BOOST_TEST(first.indicators.verification == second.indicators.verification);
    BOOST_TEST(first.indicators.accident == second.indicators.accident);
    BOOST_TEST(codes(first) == (std::vector<std::string>{"odometer_inconsistent", "accident_open",
                                                         "verification_not_high", "history_not_current"}),
               boost::test_tools::per_element());
    BOOST_TEST(first.indicators.odometer == "nicht_schluessig");
    BOOST_TEST(first.indicators.regularity == "nicht_vorhanden");
    BOOST_TEST(first.indicators.verification == "mittel");
}

BOOST_AUTO_TEST_CASE(indicators_for_empty_and_complete_histories) {
    const TrustResult none = compute_trust(base({}, AccidentStatus::unbekannt));
    BOOST_TEST(none.indicators.history == "nicht_vorhanden");
    BOOST_TEST(none.indicators.evidence == "nicht_vorhanden");
    BOOST_TEST(none.indicators.verification == "niedrig");
    BOOST_TEST(none.indicators.regularity == "nicht_vorhanden");
    BOOST_TEST(none.indicators.odometer == "kein_urteil");
    BOOST_TEST(none.indicators.accident == "unbekannt");

    const TrustResult all = compute_trust(good());
    BOOST_TEST(all.indicators.history == "vorhanden");
    BOOST_TEST(all.indicators.evidence == "vorhanden");
    BOOST_TEST(all.indicators.verification == "hoch");
    BOOST_TEST(all.indicators.regularity == "vorhanden");
    BOOST_TEST(all.indicators.odometer == "schluessig");
    BOOST_TEST(all.indicators.accident == "unfallfrei");
}

BOOST_AUTO_TEST_SUITE_END()
