#pragma once
// The trust light (PRODUCT.md §8): one pure, deterministic function of the vehicle's latest,
// non-deleted entries (with derived T-levels), its document facts, its accident status and
// today's date. It rates the quality of the documentation, never the car. No I/O, no clock:
// the caller supplies "today" (the calendar date in Europe/Berlin). Documented for owners and
// engineers in docs/trust-light.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trust/civil_date.hpp"

namespace ltc::trust {

// Verification level of one entry (PRODUCT.md §6), derived, never chosen.
enum class TrustLevel { T1, T2, T3 };

// T3 when at least one attached document is valid evidence; else T2 when stamped in the paper
// service book; else T1 (self-declared).
TrustLevel derive_trust_level(bool has_valid_evidence, bool paper_book);

// "T1", "T2", "T3".
std::string_view to_string(TrustLevel level);

enum class Light { rot, orange, gelb, gruen };
enum class Severity { block, cap, warn, info };
enum class AccidentStatus { unfallfrei, nicht_unfallfrei, unbekannt };

// "rot", "orange", "gelb", "gruen".
std::string_view to_string(Light light);
// "block", "cap", "warn", "info".
std::string_view to_string(Severity severity);
// "unfallfrei", "nicht_unfallfrei", "unbekannt".
std::string_view to_string(AccidentStatus status);
// The stored/API value back to the enum; nothing for anything else.
std::optional<AccidentStatus> parse_accident_status(std::string_view value);

// The German badge label: "Unfallfrei", "Nicht unfallfrei", "Unbekannt".
std::string_view accident_status_label(AccidentStatus status);

// The sentence shown with the light (exact, §8).
std::string_view light_sentence(Light light);

// Hint shown when no reason other than `info` applies.
inline constexpr std::string_view complete_hint = "Die Dokumentation ist vollständig nachweisbar.";

// One latest, non-deleted entry (the caller leaves deleted entries out).
struct EntryFacts {
    CivilDate date;
    std::int64_t odometer_km = 0;
    TrustLevel level = TrustLevel::T1;
    std::string category;  // PRODUCT.md §6, e.g. "unfallreparatur"
};

// Facts about the vehicle's (non-deleted) documents.
struct DocumentFacts {
    int quarantined = 0;     // documents with approval = quarantined
    bool pii_open = false;   // any document with PII `suspected` or `confirmed`
};

struct TrustInput {
    std::vector<EntryFacts> entries;  // any order
    DocumentFacts documents;
    AccidentStatus accident_status = AccidentStatus::unbekannt;
    bool accident_closed = false;     // meaningful only for nicht_unfallfrei
    std::string owner_role;           // "vip" and "dealer" get priority to-dos
    CivilDate today;                  // Europe/Berlin, supplied by the caller
};

struct Reason {
    std::string code;       // e.g. "history_missing"
    Severity severity = Severity::info;
    int priority = 0;       // 10..100, the order of the reasons
    std::string hint;       // German, exact, no digits
    bool priority_todo = false;
};

// Qualitative public indicators (§8, API.md); values are the API strings.
struct Indicators {
    std::string history;       // vorhanden | nicht_vorhanden
    std::string evidence;      // vorhanden | nicht_vorhanden
    std::string verification;  // hoch | mittel | niedrig
    std::string regularity;    // vorhanden | nicht_vorhanden
    std::string odometer;      // schluessig | nicht_schluessig | kein_urteil
    std::string accident;      // unfallfrei | nicht_unfallfrei_offen | nicht_unfallfrei_abgeschlossen | unbekannt
};

struct Counts {
    int entries = 0;
    int t1 = 0;
    int t2 = 0;
    int t3 = 0;
};

struct TrustResult {
    Light light = Light::rot;
    std::string sentence;
    std::string hint;
    std::vector<Reason> reasons;  // ordered by priority; these are also the to-dos
    Indicators indicators;
    Counts counts;
};

// The one function. Deterministic: the same input always gives the same result; the order of
// `entries` does not matter. Expects valid dates.
TrustResult compute_trust(const TrustInput& input);

// The first date after input.today on which compute_trust may answer differently for the same
// facts (only "history not current" depends on the date); nothing when no later date changes it.
// A stored result is valid for every day before this date.
std::optional<CivilDate> result_changes_on(const TrustInput& input);

// The building blocks, exposed for tests and for the odometer verdict elsewhere.

// True when some entry shows fewer km than an entry with a strictly earlier date.
bool odometer_inconsistent(const std::vector<EntryFacts>& entries);

// Number of distinct entry dates (the odometer verdict needs at least two).
int distinct_dates(const std::vector<EntryFacts>& entries);

// True for n > 0 when the newest entry is older than 24 months (date < today - 24 months), or
// two consecutive entries by date are more than 24 months apart (later > earlier + 24 months).
bool history_not_current(const std::vector<EntryFacts>& entries, const CivilDate& today);

// nicht_unfallfrei, and not closed or no `unfallreparatur` entry at T3.
bool accident_open(AccidentStatus status, bool closed, const std::vector<EntryFacts>& entries);

}  // namespace ltc::trust
