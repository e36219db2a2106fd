#pragma once
// The states of a document (PRODUCT.md §7) and the one pure function that moves between them.
// Every handler and the scan job go through `transition`; the unit test walks its table.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace ltc::documents {

enum class Approval { quarantined, approved, rejected };
enum class Scan { pending, clean, infected };
enum class Pii { ok, suspected, confirmed };

struct DocumentState {
    Approval approval = Approval::quarantined;
    Scan scan = Scan::pending;
    Pii pii = Pii::ok;
    bool deleted = false;

    bool operator==(const DocumentState&) const = default;
};

enum class Event {
    scan_clean, scan_infected,
    pii_ok, pii_suspected, pii_confirmed,
    approve, reject,
    remove,
};

// A refused transition: the API's 409 code.
struct Refusal {
    std::string code;  // document_deleted | document_rejected | scan_not_clean | pii_not_cleared
};

// The new state, or why not. Rules: nothing happens to a deleted document; infected rejects at
// once; rejected is final (PII and scan may still be recorded, approval never comes back);
// approve needs scan clean and PII ok (checked in that order: deleted → rejected → scan → PII).
std::variant<DocumentState, Refusal> transition(const DocumentState& state, Event event);

// Valid evidence = approved, clean, PII ok, not deleted.
bool is_valid_evidence(const DocumentState& state);

std::string_view to_string(Approval approval);
std::string_view to_string(Scan scan);
std::string_view to_string(Pii pii);
std::optional<Approval> parse_approval(std::string_view text);
std::optional<Scan> parse_scan(std::string_view text);
std::optional<Pii> parse_pii(std::string_view text);

}  // namespace ltc::documents
