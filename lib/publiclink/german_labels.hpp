#pragma once
// German words for the stored enum values, as the web pages show them (js/format.js,
// js/trust.js), for the PDFs. Pure. Unknown values are returned as they are.
#include <string>
#include <string_view>

namespace ltc::publiclink {

std::string light_word(std::string_view light);              // "gruen" → "Grün"
std::string vehicle_class_label(std::string_view value);     // "sport" → "Sportwagen"
std::string category_label(std::string_view value);          // "oelwechsel" → "Ölwechsel"
std::string performer_label(std::string_view value);         // "haendler" → "Händler"
std::string trust_level_label(std::string_view level);       // "T2" → "T2 · Im Serviceheft gestempelt"
std::string accident_label(std::string_view status);         // "nicht_unfallfrei" → "Nicht unfallfrei"

// "2024-03-01" → "01.03.2024" (anything else unchanged).
std::string german_date(std::string_view iso_date);
// 182400 → "182.400 km".
std::string german_km(long long km);

}  // namespace ltc::publiclink
