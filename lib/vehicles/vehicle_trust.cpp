#include "vehicles/vehicle_trust.hpp"

#include <Poco/JSON/Array.h>

#include "documents/document_store.hpp"
#include "entries/entry_store.hpp"

namespace ltc::vehicles {

trust::TrustInput trust_input(soci::session& sql, const Vehicle& vehicle, const trust::CivilDate& today) {
    trust::TrustInput input;
    // Documents and entries in one round trip.
    const auto results = db::query_all(
        sql, {documents::evidence_facts_statement(vehicle.id), entries::trust_rows_statement(vehicle.id)});
    const documents::EvidenceFacts evidence = documents::read_evidence_facts(results[0]);
    input.documents = evidence.documents;
    auto rows = entries::read_trust_rows(results[1]);
    input.entries.reserve(rows.size());
    for (auto& entry : rows) {
        trust::EntryFacts facts;
        facts.date = trust::parse_iso_date(entry.date).value_or(today);
        facts.odometer_km = entry.odometer_km;
        facts.level = trust::derive_trust_level(evidence.entries_with_valid_evidence.contains(entry.entry_id),
                                                entry.paper_book);
        facts.category = std::move(entry.category);
        input.entries.push_back(std::move(facts));
    }
    input.accident_status = trust::parse_accident_status(vehicle.fields.accident_status).value_or(trust::AccidentStatus::unbekannt);
    input.accident_closed = vehicle.fields.accident_closed;
    input.owner_role = vehicle.owner_role;
    input.today = today;
    return input;
}

Poco::JSON::Object::Ptr trust_json(const trust::TrustResult& result) {
    Poco::JSON::Array::Ptr reasons = new Poco::JSON::Array();
    for (const auto& reason : result.reasons) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("code", reason.code);
        item->set("severity", std::string(trust::to_string(reason.severity)));
        item->set("hint", reason.hint);
        item->set("priority_todo", reason.priority_todo);
        reasons->add(item);
    }
    Poco::JSON::Object::Ptr indicators = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    indicators->set("history", result.indicators.history);
    indicators->set("evidence", result.indicators.evidence);
    indicators->set("verification", result.indicators.verification);
    indicators->set("regularity", result.indicators.regularity);
    indicators->set("odometer", result.indicators.odometer);
    indicators->set("accident", result.indicators.accident);
    Poco::JSON::Object::Ptr counts = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    counts->set("entries", result.counts.entries);
    counts->set("t1", result.counts.t1);
    counts->set("t2", result.counts.t2);
    counts->set("t3", result.counts.t3);
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("light", std::string(trust::to_string(result.light)));
    body->set("sentence", result.sentence);
    body->set("hint", result.hint);
    body->set("reasons", reasons);
    body->set("indicators", indicators);
    body->set("counts", counts);
    return body;
}

}  // namespace ltc::vehicles
