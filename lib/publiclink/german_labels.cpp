#include "publiclink/german_labels.hpp"

#include <map>

#include "trust/trust_light.hpp"

namespace ltc::publiclink {

namespace {
using Labels = std::map<std::string_view, std::string_view>;

std::string label_of(const Labels& labels, std::string_view value) {
    const auto found = labels.find(value);
    return std::string(found == labels.end() ? value : found->second);
}
}  // namespace

std::string light_word(std::string_view light) {
    static const Labels labels = {{"rot", "Rot"}, {"orange", "Orange"}, {"gelb", "Gelb"}, {"gruen", "Grün"}};
    return label_of(labels, light);
}

std::string vehicle_class_label(std::string_view value) {
    static const Labels labels = {{"hypercar", "Hypercar"}, {"sport", "Sportwagen"},     {"luxus", "Luxus"},
                                  {"alltag", "Alltag"},     {"nutzfahrzeug", "Nutzfahrzeug"}, {"oldtimer", "Oldtimer"}};
    return label_of(labels, value);
}

std::string category_label(std::string_view value) {
    static const Labels labels = {
        {"wartung", "Wartung"},       {"inspektion", "Inspektion"},       {"oelwechsel", "Ölwechsel"},
        {"reifen", "Reifen"},         {"bremsen", "Bremsen"},             {"reparatur", "Reparatur"},
        {"unfallreparatur", "Unfallreparatur"}, {"hu_au", "HU/AU"},       {"gutachten", "Gutachten"},
        {"umbau", "Umbau"},           {"restauration", "Restauration"},   {"sonstiges", "Sonstiges"}};
    return label_of(labels, value);
}

std::string performer_label(std::string_view value) {
    static const Labels labels = {{"fachwerkstatt", "Fachwerkstatt"},
                                  {"haendler", "Händler"},
                                  {"autohaus", "Autohaus"},
                                  {"reifenservice", "Reifenservice"},
                                  {"tuning_fachbetrieb", "Tuning-Fachbetrieb"},
                                  {"gesetzlich", "Prüfstelle (TÜV, Gutachten, Wertgutachten)"},
                                  {"eigenleistung", "Eigenleistung"},
                                  {"sonstiges", "Sonstige"}};
    return label_of(labels, value);
}

std::string trust_level_label(std::string_view level) {
    static const Labels labels = {
        {"T1", "T1 · Eigenangabe"}, {"T2", "T2 · Im Serviceheft gestempelt"}, {"T3", "T3 · Mit Dokument belegt"}};
    return label_of(labels, level);
}

std::string accident_label(std::string_view status) {
    const auto parsed = trust::parse_accident_status(status);
    return std::string(trust::accident_status_label(parsed.value_or(trust::AccidentStatus::unbekannt)));
}

std::string german_date(std::string_view iso_date) {
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::string(iso_date);
    return std::string(iso_date.substr(8, 2)) + "." + std::string(iso_date.substr(5, 2)) + "." +
           std::string(iso_date.substr(0, 4));
}

std::string german_km(long long km) {
    std::string digits = std::to_string(km < 0 ? -km : km);
    for (int pos = static_cast<int>(digits.size()) - 3; pos > 0; pos -= 3) digits.insert(static_cast<std::size_t>(pos), ".");
    return (km < 0 ? "-" : "") + digits + " km";
}

}  // namespace ltc::publiclink
