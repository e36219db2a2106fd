#include "documents/document_state.hpp"

namespace ltc::documents {

namespace {
Refusal deleted() { return Refusal{"document_deleted"}; }
Refusal rejected() { return Refusal{"document_rejected"}; }

std::variant<DocumentState, Refusal> approve(DocumentState state) {
    if (state.approval == Approval::rejected) return rejected();
    if (state.scan != Scan::clean) return Refusal{"scan_not_clean"};
    if (state.pii != Pii::ok) return Refusal{"pii_not_cleared"};
    state.approval = Approval::approved;
    return state;
}
}  // namespace

std::variant<DocumentState, Refusal> transition(const DocumentState& current, Event event) {
    if (current.deleted) return deleted();
    DocumentState state = current;
    switch (event) {
        case Event::scan_clean:
            state.scan = Scan::clean;
            return state;
        case Event::scan_infected:
            state.scan = Scan::infected;
            state.approval = Approval::rejected;
            return state;
        case Event::pii_ok:
            state.pii = Pii::ok;
            return state;
        case Event::pii_suspected:
            state.pii = Pii::suspected;
            return state;
        case Event::pii_confirmed:
            state.pii = Pii::confirmed;
            return state;
        case Event::approve:
            return approve(state);
        case Event::reject:
            if (state.approval == Approval::rejected) return rejected();
            state.approval = Approval::rejected;
            return state;
        case Event::remove:
            state.deleted = true;
            return state;
    }
    return deleted();
}

bool is_valid_evidence(const DocumentState& state) {
    return state.approval == Approval::approved && state.scan == Scan::clean && state.pii == Pii::ok && !state.deleted;
}

std::string_view to_string(Approval approval) {
    switch (approval) {
        case Approval::quarantined: return "quarantined";
        case Approval::approved: return "approved";
        case Approval::rejected: return "rejected";
    }
    return "";
}

std::string_view to_string(Scan scan) {
    switch (scan) {
        case Scan::pending: return "pending";
        case Scan::clean: return "clean";
        case Scan::infected: return "infected";
    }
    return "";
}

std::string_view to_string(Pii pii) {
    switch (pii) {
        case Pii::ok: return "ok";
        case Pii::suspected: return "suspected";
        case Pii::confirmed: return "confirmed";
    }
    return "";
}

std::optional<Approval> parse_approval(std::string_view text) {
    for (const Approval value : {Approval::quarantined, Approval::approved, Approval::rejected}) {
        if (to_string(value) == text) return value;
    }
    return std::nullopt;
}

std::optional<Scan> parse_scan(std::string_view text) {
    for (const Scan value : {Scan::pending, Scan::clean, Scan::infected}) {
        if (to_string(value) == text) return value;
    }
    return std::nullopt;
}

std::optional<Pii> parse_pii(std::string_view text) {
    for (const Pii value : {Pii::ok, Pii::suspected, Pii::confirmed}) {
        if (to_string(value) == text) return value;
    }
    return std::nullopt;
}

}  // namespace ltc::documents
