#include "publiclink/history_pdf.hpp"

#include "publiclink/german_labels.hpp"
#include "publiclink/pdf_document.hpp"

namespace ltc::publiclink {

namespace {
constexpr float page_width = 210 * points_per_mm;  // A4 portrait
constexpr float page_height = 297 * points_per_mm;
constexpr float margin = 18 * points_per_mm;
constexpr float footer_space = 14;
constexpr float text_width = page_width - 2 * margin;

// Writes lines top-down and starts a new page when the next line would reach the footer.
class Writer {
public:
    explicit Writer(PdfDocument& pdf) : pdf_(pdf) { new_page(); }

    void line(HPDF_Font font, float size, const std::string& text, float indent = 0) {
        for (const std::string& part : pdf_.wrap(font, size, text_width - indent, text)) {
            if (y_ - size < margin + footer_space) new_page();
            y_ -= size * 1.35f;
            pdf_.text(page_, font, size, margin + indent, y_, part);
        }
    }
    void gap(float points) { y_ -= points; }
    // Keeps a block of about `points` together on one page.
    void keep(float points) {
        if (y_ - points < margin + footer_space) new_page();
    }
    const std::vector<HPDF_Page>& pages() const { return pages_; }

private:
    void new_page() {
        page_ = pdf_.add_page(page_width, page_height);
        pages_.push_back(page_);
        y_ = page_height - margin;
    }

    PdfDocument& pdf_;
    HPDF_Page page_ = nullptr;
    std::vector<HPDF_Page> pages_;
    float y_ = 0;
};

void fact(Writer& out, PdfDocument& pdf, const std::string& name, const std::optional<std::string>& value) {
    if (value && !value->empty()) out.line(pdf.regular(), 10, name + ": " + *value);
}

void vehicle_section(Writer& out, PdfDocument& pdf, const HistoryInput& input) {
    const PublicVehicle& vehicle = input.vehicle;
    out.line(pdf.bold(), 13, "Fahrzeug");
    const std::string name = vehicle.make.value_or("") + (vehicle.make && vehicle.model ? " " : "") + vehicle.model.value_or("");
    fact(out, pdf, "Marke und Modell", name);
    if (vehicle.vehicle_class) fact(out, pdf, "Fahrzeugklasse", vehicle_class_label(*vehicle.vehicle_class));
    if (vehicle.year) fact(out, pdf, "Baujahr", std::to_string(*vehicle.year));
    fact(out, pdf, "Motor/Antrieb", vehicle.engine);
    fact(out, pdf, "FIN (maskiert)", vehicle.vin_masked);
    std::string accident = accident_label(vehicle.accident_status);
    if (vehicle.accident_status == "nicht_unfallfrei") accident += input.accident_closed ? " (abgeschlossen)" : " (offen)";
    fact(out, pdf, "Unfallstatus", accident);
}

void trust_section(Writer& out, PdfDocument& pdf, const HistoryInput& input) {
    out.line(pdf.bold(), 13, "Trust-Ampel");
    out.line(pdf.bold(), 11, light_word(input.light) + " – " + input.sentence);
    out.line(pdf.regular(), 10, "Hinweis: " + input.hint);
    out.line(pdf.regular(), 8.5f, disclaimer);
}

void entry_block(Writer& out, PdfDocument& pdf, const HistoryEntry& entry) {
    out.keep(48);
    out.line(pdf.bold(), 10.5f, german_date(entry.date) + " · " + german_km(entry.odometer_km) + " · " +
                                    category_label(entry.category));
    out.line(pdf.regular(), 9.5f, "Durchgeführt von: " + performer_label(entry.performed_by), 10);
    out.line(pdf.regular(), 9.5f, "Nachweisstufe: " + trust_level_label(entry.trust_level), 10);
    if (entry.note && !entry.note->empty()) {
        std::size_t start = 0;
        bool first = true;
        while (start <= entry.note->size()) {  // the note's own line breaks are kept
            const std::size_t end = std::min(entry.note->find('\n', start), entry.note->size());
            const std::string paragraph = entry.note->substr(start, end - start);
            if (!paragraph.empty()) out.line(pdf.regular(), 9.5f, (first ? "Notiz: " : "") + paragraph, 10);
            first = false;
            start = end + 1;
        }
    }
    out.gap(6);
}

void footers(PdfDocument& pdf, const std::vector<HPDF_Page>& pages, const std::string& printed_on) {
    const std::string total = std::to_string(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        pdf.text(pages[i], pdf.regular(), 8, margin, margin - 4, "Gedruckt am " + german_date(printed_on));
        const std::string number = "Seite " + std::to_string(i + 1) + " von " + total;
        pdf.centred_text(pages[i], pdf.regular(), 8, page_width - margin - 30, margin - 4, number);
    }
}
// So a buyer can check the files handed over: each one's SHA-256 (e.g. `sha256sum`).
void documents_section(Writer& out, PdfDocument& pdf, const std::vector<HistoryDocument>& documents) {
    out.gap(10);
    out.keep(60);
    out.line(pdf.bold(), 13, "Geprüfte Nachweise (" + std::to_string(documents.size()) + ")");
    if (documents.empty()) out.line(pdf.regular(), 10, "Keine geprüften Nachweise.");
    for (const HistoryDocument& document : documents) {
        out.keep(30);
        out.line(pdf.regular(), 9.5f, german_date(document.uploaded_on) + " · " + document.content_type);
        out.line(pdf.regular(), 8, "SHA-256: " + document.sha256, 10);
    }
}
}  // namespace

std::string history_pdf(const HistoryInput& input) {
    PdfDocument pdf;
    pdf.set_title("Fahrzeughistorie - LifeTimeCircle · Service Heft 4.0");
    Writer out(pdf);
    out.line(pdf.bold(), 18, "Fahrzeughistorie");
    out.line(pdf.regular(), 10, "LifeTimeCircle · Service Heft 4.0 – digitales Fahrzeug-Serviceheft");
    out.gap(10);
    vehicle_section(out, pdf, input);
    out.gap(10);
    trust_section(out, pdf, input);
    out.gap(10);
    out.line(pdf.bold(), 13, "Einträge (" + std::to_string(input.entries.size()) + ")");
    if (input.entries.empty()) out.line(pdf.regular(), 10, "Noch keine Einträge.");
    out.gap(4);
    for (const HistoryEntry& entry : input.entries) entry_block(out, pdf, entry);
    documents_section(out, pdf, input.documents);
    footers(pdf, out.pages(), input.printed_on);
    return pdf.bytes();
}

}  // namespace ltc::publiclink
