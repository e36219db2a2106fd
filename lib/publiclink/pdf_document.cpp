#include "publiclink/pdf_document.hpp"

#include <algorithm>
#include <stdexcept>

#include "publiclink/win_ansi.hpp"

namespace ltc::publiclink {

namespace {
// libhpdf calls this from C: it must not throw. The first error is kept and bytes() reports it.
void record_error(HPDF_STATUS error, HPDF_STATUS /*detail*/, void* user_data) {
    auto* first = static_cast<HPDF_STATUS*>(user_data);
    if (*first == HPDF_OK) *first = error;
}

float width_of(HPDF_Font font, float size, std::string_view utf8) {
    const std::string ansi = to_win_ansi(utf8);
    const HPDF_TextWidth width =
        HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(ansi.data()), static_cast<HPDF_UINT>(ansi.size()));
    return static_cast<float>(width.width) * size / 1000.0f;
}

// Length in bytes of the UTF-8 sequence starting with `lead`.
std::size_t sequence_length(unsigned char lead) {
    return (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
}

// Cuts a word wider than the line after as many whole characters as fit (at least one).
std::vector<std::string> cut_word(HPDF_Font font, float size, float width, std::string_view word) {
    std::vector<std::string> pieces;
    std::string piece;
    for (std::size_t pos = 0; pos < word.size();) {
        const std::size_t length = std::min(sequence_length(static_cast<unsigned char>(word[pos])), word.size() - pos);
        const std::string_view next = word.substr(pos, length);
        if (!piece.empty() && width_of(font, size, piece + std::string(next)) > width) {
            pieces.push_back(piece);
            piece.clear();
        }
        piece.append(next);
        pos += length;
    }
    if (!piece.empty()) pieces.push_back(std::move(piece));
    return pieces;
}
}  // namespace

PdfDocument::PdfDocument() : doc_(HPDF_New(record_error, &error_)) {
    if (!doc_) throw std::runtime_error("libhpdf: cannot create a document");
    HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
    regular_ = HPDF_GetFont(doc_, "Helvetica", "WinAnsiEncoding");
    bold_ = HPDF_GetFont(doc_, "Helvetica-Bold", "WinAnsiEncoding");
}

PdfDocument::~PdfDocument() { HPDF_Free(doc_); }

HPDF_Page PdfDocument::add_page(float width, float height) {
    HPDF_Page page = HPDF_AddPage(doc_);
    HPDF_Page_SetWidth(page, width);
    HPDF_Page_SetHeight(page, height);
    return page;
}

void PdfDocument::text(HPDF_Page page, HPDF_Font font, float size, float x, float y, std::string_view utf8) {
    const std::string ansi = to_win_ansi(utf8);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, size);
    HPDF_Page_TextOut(page, x, y, ansi.c_str());
    HPDF_Page_EndText(page);
}

void PdfDocument::centred_text(HPDF_Page page, HPDF_Font font, float size, float x, float y, std::string_view utf8) {
    text(page, font, size, x - width_of(font, size, utf8) / 2.0f, y, utf8);
}

std::vector<std::string> PdfDocument::wrap(HPDF_Font font, float size, float width, std::string_view utf8) const {
    std::vector<std::string> lines;
    std::string line;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t space = std::min(utf8.find(' ', pos), utf8.size());
        const std::string_view word = utf8.substr(pos, space - pos);
        pos = space + 1;
        if (word.empty()) continue;
        const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
        if (width_of(font, size, candidate) <= width) {
            line = candidate;
            continue;
        }
        if (!line.empty()) lines.push_back(std::move(line));
        line.clear();
        for (std::string& piece : cut_word(font, size, width, word)) {
            if (!line.empty()) lines.push_back(std::move(line));
            line = std::move(piece);
        }
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

void PdfDocument::qr(HPDF_Page page, const std::vector<std::vector<bool>>& matrix, int quiet_zone, float x, float y,
                     float side) {
    const int modules = static_cast<int>(matrix.size());
    const float module = side / static_cast<float>(modules + 2 * quiet_zone);
    const float top = y + side - static_cast<float>(quiet_zone) * module;
    const float left = x + static_cast<float>(quiet_zone) * module;
    HPDF_Page_SetRGBFill(page, 0, 0, 0);
    for (int row = 0; row < modules; ++row) {
        const auto& dark = matrix[static_cast<std::size_t>(row)];
        for (int column = 0; column < modules;) {
            if (!dark[static_cast<std::size_t>(column)]) {
                ++column;
                continue;
            }
            int run = 1;
            while (column + run < modules && dark[static_cast<std::size_t>(column + run)]) ++run;
            HPDF_Page_Rectangle(page, left + static_cast<float>(column) * module, top - static_cast<float>(row + 1) * module,
                                static_cast<float>(run) * module, module);
            column += run;
        }
    }
    HPDF_Page_Fill(page);
}

void PdfDocument::set_title(std::string_view utf8) {
    HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, to_win_ansi(utf8).c_str());
    HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "LifeTimeCircle Service Heft 4.0");
}

std::string PdfDocument::bytes() {
    HPDF_SaveToStream(doc_);
    if (error_ != HPDF_OK) throw std::runtime_error("libhpdf error " + std::to_string(error_));
    std::string out(HPDF_GetStreamSize(doc_), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    out.resize(size);
    if (error_ != HPDF_OK) throw std::runtime_error("libhpdf error " + std::to_string(error_));
    return out;
}

}  // namespace ltc::publiclink
