// QR codes: module matrix (finder patterns), SVG size, structure and determinism.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <regex>
#include <stdexcept>
#include <string>

#include "qr/qr_svg.hpp"

using namespace ltc::qr;

namespace {

const std::string kUri =
    "otpauth://totp/LifeTimeCircle:max.mustermann%40beispiel.de?secret="
    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=LifeTimeCircle&algorithm=SHA1&digits=6&period=30";

// A finder pattern at (top, left): dark 7×7 border, light 5×5 ring, dark 3×3 centre.
bool finder_at(const std::vector<std::vector<bool>>& m, std::size_t top, std::size_t left) {
    for (std::size_t y = 0; y < 7; ++y) {
        for (std::size_t x = 0; x < 7; ++x) {
            const bool border = y == 0 || y == 6 || x == 0 || x == 6;
            const bool centre = y >= 2 && y <= 4 && x >= 2 && x <= 4;
            if (m[top + y][left + x] != (border || centre)) return false;
        }
    }
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qr_svg_suite)

BOOST_AUTO_TEST_CASE(matrix_is_square_with_three_finder_patterns) {
    const auto m = qr_matrix(kUri);
    const std::size_t n = m.size();
    BOOST_TEST(n >= 21u);
    BOOST_TEST((n - 17) % 4 == 0u);  // version v has 17 + 4v modules
    for (const auto& row : m) BOOST_TEST(row.size() == n);
    BOOST_TEST(finder_at(m, 0, 0));
    BOOST_TEST(finder_at(m, 0, n - 7));
    BOOST_TEST(finder_at(m, n - 7, 0));
    BOOST_TEST(!finder_at(m, n - 7, n - 7));  // no fourth one
    // The separator next to the top-left finder is light.
    for (std::size_t i = 0; i < 8; ++i) {
        BOOST_TEST(!m[7][i]);
        BOOST_TEST(!m[i][7]);
    }
}

BOOST_AUTO_TEST_CASE(short_text_is_version_1) {
    BOOST_TEST(qr_matrix("hello").size() == 21u);
}

BOOST_AUTO_TEST_CASE(svg_structure_and_size) {
    const auto modules = qr_matrix(kUri).size();
    const std::string svg = qr_svg(kUri);
    const std::string size = std::to_string((modules + 2 * 4) * 8);
    BOOST_TEST(svg.rfind("<svg", 0) == 0u);
    BOOST_TEST(svg.size() > 100u);
    BOOST_TEST(svg.substr(svg.size() - 6) == "</svg>");
    BOOST_TEST(svg.find("viewBox=\"0 0 " + size + " " + size + "\"") != std::string::npos);
    BOOST_TEST(svg.find("width=\"" + size + "\" height=\"" + size + "\"") != std::string::npos);
    BOOST_TEST(svg.find("shape-rendering=\"crispEdges\"") != std::string::npos);
    BOOST_TEST(svg.find("<title>") != std::string::npos);
    BOOST_TEST(svg.find("fill=\"#fff\"") != std::string::npos);
    BOOST_TEST(svg.find("xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
    // Exactly one path; the secret in the text does not appear in the SVG.
    BOOST_TEST(svg.find("<path") != std::string::npos);
    BOOST_TEST(svg.find("<path") == svg.rfind("<path"));
    BOOST_TEST(svg.find("GEZDGNBV") == std::string::npos);
    BOOST_TEST(svg.find("otpauth") == std::string::npos);
    // The top-left finder's top row: one 7-module run starting at the quiet zone (32, 32).
    BOOST_TEST(svg.find("M32 32h56v8h-56z") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(path_covers_exactly_the_dark_modules) {
    const auto m = qr_matrix("LifeTimeCircle");
    std::size_t dark = 0;
    for (const auto& row : m)
        for (const bool b : row) dark += b ? 1 : 0;
    const std::string svg = qr_svg("LifeTimeCircle", 1, 0);
    const std::regex segment("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
    std::size_t covered = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), segment); it != std::sregex_iterator(); ++it) {
        const std::size_t x = std::stoul((*it)[1]), y = std::stoul((*it)[2]), w = std::stoul((*it)[3]);
        BOOST_TEST((*it)[3] == (*it)[4]);
        for (std::size_t i = 0; i < w; ++i) BOOST_TEST(m[y][x + i]);
        covered += w;
    }
    BOOST_TEST(covered == dark);
    const std::string n = std::to_string(m.size());
    BOOST_TEST(svg.find("viewBox=\"0 0 " + n + " " + n + "\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(custom_sizes) {
    const auto modules = qr_matrix("abc").size();
    const std::string size = std::to_string((modules + 2 * 2) * 4);
    BOOST_TEST(qr_svg("abc", 4, 2).find("viewBox=\"0 0 " + size + " " + size + "\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(deterministic) {
    BOOST_TEST(qr_svg(kUri) == qr_svg(kUri));
    BOOST_TEST(qr_matrix(kUri) == qr_matrix(kUri));
    BOOST_TEST(qr_svg(kUri) != qr_svg(kUri + "x"));
}

BOOST_AUTO_TEST_CASE(failures_throw) {
    BOOST_CHECK_THROW(qr_matrix(""), std::invalid_argument);
    BOOST_CHECK_THROW(qr_matrix(std::string("a\0b", 3)), std::invalid_argument);
    BOOST_CHECK_THROW(qr_matrix(std::string(8000, 'x')), std::runtime_error);  // over version 40
    BOOST_CHECK_THROW(qr_svg("abc", 0), std::invalid_argument);
    BOOST_CHECK_THROW(qr_svg("abc", 8, -1), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
