#pragma once
// The printable history (PRODUCT.md §11): A4, vehicle facts with the masked VIN, the light with
// its sentence, hint and the disclaimer, every current entry, page numbers and the date of
// printing. Pure: the route gathers the facts. No owner data, no full VIN.
#include <optional>
#include <string>
#include <vector>

#include "publiclink/public_json.hpp"

namespace ltc::publiclink {

struct HistoryEntry {
    std::string date;  // YYYY-MM-DD
    long long odometer_km = 0;
    std::string category;
    std::string performed_by;
    std::string trust_level;  // T1 | T2 | T3
    std::optional<std::string> note;
};

// A valid-evidence document, identified by its bytes (never its file name, which may name people).
struct HistoryDocument {
    std::string uploaded_on;   // YYYY-MM-DD
    std::string content_type;  // image/jpeg | image/png | application/pdf
    std::string sha256;        // lower-case hex of the stored bytes
};

struct HistoryInput {
    PublicVehicle vehicle;
    bool accident_closed = false;
    std::string light;     // rot | orange | gelb | gruen
    std::string sentence;
    std::string hint;
    std::vector<HistoryEntry> entries;  // in the order printed (newest first)
    std::vector<HistoryDocument> documents;  // valid evidence only
    std::string printed_on;             // YYYY-MM-DD, Berlin
};

std::string history_pdf(const HistoryInput& input);

}  // namespace ltc::publiclink
