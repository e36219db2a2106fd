#include "publiclink/sticker_pdf.hpp"

#include "publiclink/pdf_document.hpp"
#include "publiclink/public_json.hpp"
#include "qr/qr_matrix.hpp"

namespace ltc::publiclink {

namespace {
constexpr float page_width = 105 * points_per_mm;   // A6 portrait
constexpr float page_height = 148 * points_per_mm;
constexpr float margin = 8 * points_per_mm;
constexpr float qr_side = 72 * points_per_mm;       // quiet zone included: modules of about 1.5 mm

// Lines from the top (`y` is the baseline of the first), advancing `y`.
void paragraph(PdfDocument& pdf, HPDF_Page page, HPDF_Font font, float size, float& y, const std::string& text) {
    for (const std::string& line : pdf.wrap(font, size, page_width - 2 * margin, text)) {
        pdf.centred_text(page, font, size, page_width / 2, y, line);
        y -= size * 1.3f;
    }
}
}  // namespace

std::string sticker_pdf(const std::string& public_url) {
    PdfDocument pdf;
    pdf.set_title("QR-Aufkleber - LifeTimeCircle · Service Heft 4.0");
    HPDF_Page page = pdf.add_page(page_width, page_height);

    float y = page_height - margin - 12;
    pdf.centred_text(page, pdf.bold(), 13, page_width / 2, y, "LifeTimeCircle · Service Heft 4.0");
    y -= 18;
    pdf.centred_text(page, pdf.regular(), 9, page_width / 2, y, "Digitales Fahrzeug-Serviceheft");

    const float qr_top = y - 6;
    pdf.qr(page, qr::qr_matrix(public_url), 4, (page_width - qr_side) / 2, qr_top - qr_side, qr_side);

    y = qr_top - qr_side - 10;
    paragraph(pdf, page, pdf.bold(), 10, y,
              "Scanne den Code: Du siehst, wie gut die Historie dieses Fahrzeugs dokumentiert und mit Nachweisen belegt ist.");
    y -= 2;
    paragraph(pdf, page, pdf.regular(), 6.5f, y, public_url);
    y = margin + 30;  // the disclaimer sits at the foot of the sticker
    paragraph(pdf, page, pdf.regular(), 7, y, disclaimer);
    return pdf.bytes();
}

}  // namespace ltc::publiclink
