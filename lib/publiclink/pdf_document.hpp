#pragma once
// A thin owner of one libhpdf document: built-in Helvetica with WinAnsiEncoding (umlauts and ß),
// UTF-8 text in, line wrapping by measured width, QR codes as vector squares (sharp at any
// print resolution), and the finished file as bytes.
#include <string>
#include <string_view>
#include <vector>

#include <hpdf.h>

namespace ltc::publiclink {

inline constexpr float points_per_mm = 72.0f / 25.4f;

class PdfDocument {
public:
    PdfDocument();
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    HPDF_Page add_page(float width, float height);
    HPDF_Font regular() const { return regular_; }
    HPDF_Font bold() const { return bold_; }

    // One line of UTF-8 text with its baseline at (x, y).
    void text(HPDF_Page page, HPDF_Font font, float size, float x, float y, std::string_view utf8);
    // The same, centred on x.
    void centred_text(HPDF_Page page, HPDF_Font font, float size, float x, float y, std::string_view utf8);
    // UTF-8 text broken at spaces into lines no wider than `width` (a longer word is cut); the
    // lines are UTF-8 again.
    std::vector<std::string> wrap(HPDF_Font font, float size, float width, std::string_view utf8) const;
    // The QR module matrix with a quiet zone of `quiet_zone` modules, filling a square of `side`
    // points whose lower-left corner is (x, y).
    void qr(HPDF_Page page, const std::vector<std::vector<bool>>& matrix, int quiet_zone, float x, float y, float side);

    // Document info is PDFDocEncoding, which agrees with Windows-1252 only from 0xA0 on:
    // umlauts and "·" are fine, dashes and typographic quotes are not.
    void set_title(std::string_view utf8);
    // The PDF file; throws std::runtime_error when libhpdf reported any error.
    std::string bytes();

private:
    HPDF_Doc doc_;
    HPDF_Font regular_ = nullptr;
    HPDF_Font bold_ = nullptr;
    HPDF_STATUS error_ = HPDF_OK;
};

}  // namespace ltc::publiclink
