#include "trust/trust_light.hpp"

#include <algorithm>

namespace ltc::trust {

namespace {

constexpr int months_current = 24;

struct ReasonSpec {
    std::string_view code;
    Severity severity;
    int priority;
    std::string_view hint;
};

// The decision table of PRODUCT.md §8, in priority order.
constexpr ReasonSpec history_missing_spec{"history_missing", Severity::block, 10,
    "Für dieses Fahrzeug ist noch keine Historie dokumentiert."};
constexpr ReasonSpec evidence_largely_missing_spec{"evidence_largely_missing", Severity::block, 20,
    "Für die dokumentierte Historie fehlen weitgehend Nachweise."};
constexpr ReasonSpec odometer_inconsistent_spec{"odometer_inconsistent", Severity::cap, 30,
    "Die Kilometerstände der Historie sind nicht schlüssig."};
constexpr ReasonSpec accident_status_unknown_spec{"accident_status_unknown", Severity::cap, 40,
    "Der Unfallstatus ist unbekannt. Die Trust-Ampel ist daher begrenzt."};
constexpr ReasonSpec accident_open_spec{"accident_open", Severity::cap, 50,
    "Ein Unfall ist dokumentiert, aber noch nicht mit Nachweisen abgeschlossen."};
constexpr ReasonSpec verification_low_spec{"verification_low", Severity::cap, 60,
    "Die Einträge sind überwiegend nicht belegt."};
constexpr ReasonSpec pii_review_open_spec{"pii_review_open", Severity::warn, 70,
    "Eine offene Datenschutz-Prüfung verhindert die höchste Stufe."};
constexpr ReasonSpec verification_not_high_spec{"verification_not_high", Severity::warn, 80,
    "Für die höchste Stufe muss die Mehrzahl der Einträge mit Dokumenten belegt sein."};
constexpr ReasonSpec history_not_current_spec{"history_not_current", Severity::warn, 90,
    "Die Historie ist nicht aktuell oder weist größere Lücken auf."};
constexpr ReasonSpec documents_pending_spec{"documents_pending", Severity::info, 100,
    "Dokumente sind noch nicht freigegeben. Nachweise zählen erst nach Prüfung."};

Reason make_reason(const ReasonSpec& spec) {
    Reason reason;
    reason.code = std::string(spec.code);
    reason.severity = spec.severity;
    reason.priority = spec.priority;
    reason.hint = std::string(spec.hint);
    return reason;
}

std::vector<CivilDate> sorted_dates(const std::vector<EntryFacts>& entries) {
    std::vector<CivilDate> dates;
    dates.reserve(entries.size());
    for (const auto& entry : entries) dates.push_back(entry.date);
    std::sort(dates.begin(), dates.end());
    return dates;
}

}  // namespace

TrustLevel derive_trust_level(bool has_valid_evidence, bool paper_book) {
    if (has_valid_evidence) return TrustLevel::T3;
    if (paper_book) return TrustLevel::T2;
    return TrustLevel::T1;
}

std::string_view to_string(TrustLevel level) {
    switch (level) {
        case TrustLevel::T3: return "T3";
        case TrustLevel::T2: return "T2";
        case TrustLevel::T1: break;
    }
    return "T1";
}

std::string_view to_string(Light light) {
    switch (light) {
        case Light::gruen: return "gruen";
        case Light::gelb: return "gelb";
        case Light::orange: return "orange";
        case Light::rot: break;
    }
    return "rot";
}

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::block: return "block";
        case Severity::cap: return "cap";
        case Severity::warn: return "warn";
        case Severity::info: break;
    }
    return "info";
}

std::string_view to_string(AccidentStatus status) {
    switch (status) {
        case AccidentStatus::unfallfrei: return "unfallfrei";
        case AccidentStatus::nicht_unfallfrei: return "nicht_unfallfrei";
        case AccidentStatus::unbekannt: break;
    }
    return "unbekannt";
}

std::optional<AccidentStatus> parse_accident_status(std::string_view value) {
    if (value == "unfallfrei") return AccidentStatus::unfallfrei;
    if (value == "nicht_unfallfrei") return AccidentStatus::nicht_unfallfrei;
    if (value == "unbekannt") return AccidentStatus::unbekannt;
    return std::nullopt;
}

std::string_view accident_status_label(AccidentStatus status) {
    switch (status) {
        case AccidentStatus::unfallfrei: return "Unfallfrei";
        case AccidentStatus::nicht_unfallfrei: return "Nicht unfallfrei";
        case AccidentStatus::unbekannt: break;
    }
    return "Unbekannt";
}

std::string_view light_sentence(Light light) {
    switch (light) {
        case Light::gruen: return "Sehr gute, belegte Dokumentation.";
        case Light::gelb: return "Solide Dokumentation mit Verbesserungspotenzial.";
        case Light::orange: return "Nachweise lückenhaft oder Unfallstatus offen.";
        case Light::rot: break;
    }
    return "Nachweisqualität gering oder unsicher.";
}

bool odometer_inconsistent(const std::vector<EntryFacts>& entries) {
    std::vector<const EntryFacts*> by_date;
    by_date.reserve(entries.size());
    for (const auto& entry : entries) by_date.push_back(&entry);
    std::sort(by_date.begin(), by_date.end(),
              [](const EntryFacts* a, const EntryFacts* b) { return a->date < b->date; });
    // Walk date groups: every entry of a group is compared with the highest km of all strictly
    // earlier dates; entries of the same date never contradict each other.
    bool have_earlier = false;
    std::int64_t earlier_max = 0;
    std::size_t i = 0;
    while (i < by_date.size()) {
        std::size_t j = i;
        std::int64_t group_max = by_date[i]->odometer_km;
        while (j < by_date.size() && by_date[j]->date == by_date[i]->date) {
            if (have_earlier && by_date[j]->odometer_km < earlier_max) return true;
            group_max = std::max(group_max, by_date[j]->odometer_km);
            ++j;
        }
        earlier_max = have_earlier ? std::max(earlier_max, group_max) : group_max;
        have_earlier = true;
        i = j;
    }
    return false;
}

int distinct_dates(const std::vector<EntryFacts>& entries) {
    auto dates = sorted_dates(entries);
    return static_cast<int>(std::unique(dates.begin(), dates.end()) - dates.begin());
}

bool history_not_current(const std::vector<EntryFacts>& entries, const CivilDate& today) {
    if (entries.empty()) return false;
    const auto dates = sorted_dates(entries);
    if (dates.back() < add_months(today, -months_current)) return true;
    for (std::size_t i = 1; i < dates.size(); ++i) {
        if (dates[i] > add_months(dates[i - 1], months_current)) return true;
    }
    return false;
}

std::optional<CivilDate> result_changes_on(const TrustInput& input) {
    if (input.entries.empty()) return std::nullopt;
    const CivilDate newest = sorted_dates(input.entries).back();
    if (newest < add_months(input.today, -months_current)) return std::nullopt;  // already not current
    // The first day d with newest < d - 24 months; add_months clamps month ends, so step over them.
    CivilDate day = add_months(newest, months_current);
    while (!(newest < add_months(day, -months_current))) day = next_day(day);
    return day;
}

bool accident_open(AccidentStatus status, bool closed, const std::vector<EntryFacts>& entries) {
    if (status != AccidentStatus::nicht_unfallfrei) return false;
    if (!closed) return true;
    const bool repair_proven = std::any_of(entries.begin(), entries.end(), [](const EntryFacts& e) {
        return e.category == "unfallreparatur" && e.level == TrustLevel::T3;
    });
    return !repair_proven;
}

TrustResult compute_trust(const TrustInput& input) {
    TrustResult result;

    Counts& counts = result.counts;
    counts.entries = static_cast<int>(input.entries.size());
    for (const auto& entry : input.entries) {
        switch (entry.level) {
            case TrustLevel::T1: ++counts.t1; break;
            case TrustLevel::T2: ++counts.t2; break;
            case TrustLevel::T3: ++counts.t3; break;
        }
    }
    // Exact integer comparisons: "x < n/4" is 4·x < n, "x < n/2" is 2·x < n.
    const long long n = counts.entries;
    const long long v3 = counts.t3;
    const long long v23 = static_cast<long long>(counts.t2) + counts.t3;

    const bool odometer_bad = odometer_inconsistent(input.entries);
    const bool accident_is_open =
        accident_open(input.accident_status, input.accident_closed, input.entries);
    const bool not_current = history_not_current(input.entries, input.today);

    auto& reasons = result.reasons;
    if (n == 0) reasons.push_back(make_reason(history_missing_spec));
    if (n > 0 && 4 * v23 < n) reasons.push_back(make_reason(evidence_largely_missing_spec));
    if (odometer_bad) reasons.push_back(make_reason(odometer_inconsistent_spec));
    if (input.accident_status == AccidentStatus::unbekannt) {
        reasons.push_back(make_reason(accident_status_unknown_spec));
    }
    if (accident_is_open) reasons.push_back(make_reason(accident_open_spec));
    if (n > 0 && 2 * v23 < n) reasons.push_back(make_reason(verification_low_spec));
    if (input.documents.pii_open) reasons.push_back(make_reason(pii_review_open_spec));
    if (n > 0 && 2 * v3 < n) reasons.push_back(make_reason(verification_not_high_spec));
    if (not_current) reasons.push_back(make_reason(history_not_current_spec));
    if (input.documents.quarantined > 0) reasons.push_back(make_reason(documents_pending_spec));
    // Already in priority order; keep the guarantee explicit should the table ever grow.
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const Reason& a, const Reason& b) { return a.priority < b.priority; });

    const bool priority_owner = input.owner_role == "vip" || input.owner_role == "dealer";
    if (priority_owner) {
        int marked = 0;
        for (auto& reason : reasons) {
            if (marked == 3) break;
            if (reason.severity == Severity::info) continue;
            reason.priority_todo = true;
            ++marked;
        }
    }

    auto any = [&](Severity severity) {
        return std::any_of(reasons.begin(), reasons.end(),
                           [&](const Reason& r) { return r.severity == severity; });
    };
    if (any(Severity::block)) {
        result.light = Light::rot;
    } else if (any(Severity::cap)) {
        result.light = Light::orange;
    } else if (any(Severity::warn)) {
        result.light = Light::gelb;
    } else {
        result.light = Light::gruen;
    }
    result.sentence = std::string(light_sentence(result.light));
    result.hint = !reasons.empty() && reasons.front().severity != Severity::info
                      ? reasons.front().hint
                      : std::string(complete_hint);

    Indicators& ind = result.indicators;
    ind.history = n > 0 ? "vorhanden" : "nicht_vorhanden";
    ind.evidence = v3 > 0 ? "vorhanden" : "nicht_vorhanden";
    if (n > 0 && 2 * v3 >= n) {
        ind.verification = "hoch";
    } else if (n > 0 && 2 * v23 >= n) {
        ind.verification = "mittel";
    } else {
        ind.verification = "niedrig";
    }
    ind.regularity = (n > 0 && !not_current) ? "vorhanden" : "nicht_vorhanden";
    if (distinct_dates(input.entries) < 2) {
        ind.odometer = "kein_urteil";
    } else {
        ind.odometer = odometer_bad ? "nicht_schluessig" : "schluessig";
    }
    switch (input.accident_status) {
        case AccidentStatus::unfallfrei: ind.accident = "unfallfrei"; break;
        case AccidentStatus::nicht_unfallfrei:
            ind.accident = accident_is_open ? "nicht_unfallfrei_offen" : "nicht_unfallfrei_abgeschlossen";
            break;
        case AccidentStatus::unbekannt: ind.accident = "unbekannt"; break;
    }
    return result;
}

}  // namespace ltc::trust
