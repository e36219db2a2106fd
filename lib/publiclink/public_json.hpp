#pragma once
// The answer of GET /api/public/qr/{token} (API.md): exactly trust_light, sentence, hint,
// indicators, accident_status_label, vehicle, disclaimer. Pure: built from the vehicle's facts
// and its stored trust summary. PRODUCT.md §9: no digit may appear outside `vehicle` (no
// counts, dates or percentages) — checked on every answer, not only in tests.
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

namespace ltc::publiclink {

// The vehicle facts the public may see (the owner's own words, digits allowed).
struct PublicVehicle {
    std::optional<std::string> vehicle_class;
    std::optional<std::string> make;
    std::optional<std::string> model;
    std::optional<int> year;
    std::optional<std::string> engine;
    std::string vin_masked;
    std::string accident_status;  // unfallfrei | nicht_unfallfrei | unbekannt
};

// The disclaimer shown with every light (the site footer's sentence).
extern const std::string disclaimer;

// Throws std::logic_error when a digit would appear outside `vehicle` (a programming error:
// the public answer must then fail rather than leak a count or a date).
Poco::JSON::Object::Ptr public_json(const PublicVehicle& vehicle, const std::string& trust_summary_json);

// True when any string or number outside the `vehicle` member holds a digit (keys included).
bool digit_outside_vehicle(const Poco::JSON::Object::Ptr& answer);

}  // namespace ltc::publiclink
