// Fuzz target: the trust light. The input builds entries (date, odometer, level, category),
// document facts, the accident status, the owner's role and "today". Properties: it never
// throws, no hint holds a digit, and the order of the entries does not change the result.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_bytes.hpp"
#include "trust/trust_light.hpp"

namespace {
using namespace ltc::trust;

CivilDate date_from(ltc::fuzz::FuzzBytes& input) {
    return CivilDate{static_cast<int>(input.in_range(1886, 2100)), static_cast<int>(input.in_range(1, 12)),
                     static_cast<int>(input.in_range(1, 28))};
}

TrustInput input_from(ltc::fuzz::FuzzBytes& input) {
    static const char* const categories[] = {"wartung", "inspektion", "unfallreparatur", "reparatur", "hu_au", "reifen"};
    static const char* const roles[] = {"user", "vip", "dealer", "admin"};
    TrustInput trust;
    trust.today = date_from(input);
    trust.accident_status = static_cast<AccidentStatus>(input.in_range(0, 2));
    trust.accident_closed = input.flag();
    trust.owner_role = roles[input.in_range(0, 3)];
    trust.documents.quarantined = static_cast<int>(input.in_range(0, 5));
    trust.documents.pii_open = input.flag();
    const long long entries = input.in_range(0, 40);
    for (long long i = 0; i < entries && !input.empty(); ++i) {
        EntryFacts entry;
        entry.date = date_from(input);
        entry.odometer_km = input.in_range(0, 2'000'000);
        entry.level = static_cast<TrustLevel>(input.in_range(0, 2));
        entry.category = categories[input.in_range(0, 5)];
        trust.entries.push_back(entry);
    }
    return trust;
}

bool has_digit(const std::string& text) { return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }); }

bool same(const TrustResult& a, const TrustResult& b) {
    if (a.light != b.light || a.sentence != b.sentence || a.hint != b.hint || a.reasons.size() != b.reasons.size()) return false;
    for (std::size_t i = 0; i < a.reasons.size(); ++i) {
        if (a.reasons[i].code != b.reasons[i].code || a.reasons[i].hint != b.reasons[i].hint) return false;
    }
    return a.counts.entries == b.counts.entries && a.counts.t3 == b.counts.t3 &&
           a.indicators.odometer == b.indicators.odometer && a.indicators.regularity == b.indicators.regularity;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ltc::fuzz::FuzzBytes bytes(data, size);
    TrustInput input = input_from(bytes);
    const TrustResult result = compute_trust(input);  // an exception escapes and is a finding
    if (has_digit(result.hint) || result.sentence.empty()) __builtin_trap();
    for (const Reason& reason : result.reasons) {
        if (has_digit(reason.hint)) __builtin_trap();
    }
    std::reverse(input.entries.begin(), input.entries.end());
    if (!same(result, compute_trust(input))) __builtin_trap();
    (void)result_changes_on(input);
    return 0;
}
