#include "vehicles/vehicle_trust.hpp"

#include "documents/document_store.hpp"
#include "entries/entry_store.hpp"
#include "http/json_writer.hpp"

namespace ltc::vehicles {

std::vector<db::Statement> trust_fact_statements(const std::string& vehicle_id) {
    return {documents::evidence_facts_statement(vehicle_id), entries::trust_rows_statement(vehicle_id)};
}

trust::TrustInput trust_input(soci::session& sql, const Vehicle& vehicle, const trust::CivilDate& today) {
    const auto results = db::query_all(sql, trust_fact_statements(vehicle.id));  // one round trip
    return trust_input_from({vehicle.deleted(), vehicle.fields.accident_status, vehicle.fields.accident_closed,
                             vehicle.owner_role},
                            results[0], results[1], today);
}

trust::TrustInput trust_input_from(const LockedTrustFacts& vehicle, const db::Result& documents,
                                   const db::Result& entries, const trust::CivilDate& today) {
    trust::TrustInput input;
    const documents::EvidenceFacts evidence = documents::read_evidence_facts(documents);
    input.documents = evidence.documents;
    auto rows = entries::read_trust_rows(entries);
    input.entries.reserve(rows.size());
    for (auto& entry : rows) {
        trust::EntryFacts facts;
        facts.date = trust::date_from_days(entry.day);
        facts.odometer_km = entry.odometer_km;
        facts.level = trust::derive_trust_level(evidence.entries_with_valid_evidence.contains(entry.entry_id),
                                                entry.paper_book);
        facts.category = std::move(entry.category);
        input.entries.push_back(std::move(facts));
    }
    input.accident_status = trust::parse_accident_status(vehicle.accident_status).value_or(trust::AccidentStatus::unbekannt);
    input.accident_closed = vehicle.accident_closed;
    input.owner_role = vehicle.owner_role;
    input.today = today;
    return input;
}

std::string trust_json(const trust::TrustResult& result) {
    http::JsonWriter json;
    json.begin_object().key("light").value(trust::to_string(result.light)).key("sentence").value(result.sentence);
    json.key("hint").value(result.hint).key("reasons").begin_array();
    for (const auto& reason : result.reasons) {
        json.begin_object().key("code").value(reason.code).key("severity").value(trust::to_string(reason.severity));
        json.key("hint").value(reason.hint).key("priority_todo").value(reason.priority_todo).end_object();
    }
    const auto& indicators = result.indicators;
    json.end_array().key("indicators").begin_object();
    json.key("history").value(indicators.history).key("evidence").value(indicators.evidence);
    json.key("verification").value(indicators.verification).key("regularity").value(indicators.regularity);
    json.key("odometer").value(indicators.odometer).key("accident").value(indicators.accident).end_object();
    const auto& counts = result.counts;
    json.key("counts").begin_object().key("entries").value(counts.entries).key("t1").value(counts.t1);
    json.key("t2").value(counts.t2).key("t3").value(counts.t3).end_object();
    return json.end_object().take();
}

}  // namespace ltc::vehicles
