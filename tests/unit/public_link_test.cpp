// The pure parts of the public link: token shape, the public JSON (exact keys, no digit outside
// `vehicle`), Windows-1252 text for the PDFs, German labels, the PNG and the PDFs' envelopes.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <set>
#include <stdexcept>
#include <string>

#include <Poco/JSON/Parser.h>

#include "config/config.hpp"
#include "publiclink/german_labels.hpp"
#include "publiclink/history_pdf.hpp"
#include "publiclink/public_json.hpp"
#include "publiclink/public_url.hpp"
#include "publiclink/sticker_pdf.hpp"
#include "publiclink/win_ansi.hpp"
#include "qr/qr_png.hpp"

using namespace ltc::publiclink;

namespace {
const std::string summary =
    R"({"light":"gelb","sentence":"Solide Dokumentation mit Verbesserungspotenzial.",)"
    R"("hint":"Die Historie ist nicht aktuell oder weist größere Lücken auf.","reasons":[],)"
    R"("indicators":{"history":"vorhanden","evidence":"nicht_vorhanden","verification":"mittel",)"
    R"("regularity":"nicht_vorhanden","odometer":"schluessig","accident":"unfallfrei"},)"
    R"("counts":{"entries":4,"t1":1,"t2":3,"t3":0}})";

PublicVehicle porsche() {
    return {"sport", "Porsche", "911", 1999, "3.4 Boxer", "WP0*********1234", "unfallfrei"};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(public_link)

BOOST_AUTO_TEST_CASE(tokens_are_long_random_and_url_safe) {
    const std::string a = new_token();
    const std::string b = new_token();
    BOOST_TEST(a.size() == 24u);  // 144 bits
    BOOST_TEST(a != b);
    BOOST_TEST(token_shape_ok(a));
    BOOST_TEST(!token_shape_ok("short"));
    BOOST_TEST(!token_shape_ok(std::string(23, 'a') + "/"));
    BOOST_TEST(!token_shape_ok(std::string(65, 'a')));
    ltc::config::WorkerConfig config;
    config.public_base_url = "https://ltc.example";
    BOOST_TEST(public_url(config, a) == "https://ltc.example/qr/" + a);
}

BOOST_AUTO_TEST_CASE(public_json_has_exactly_the_api_keys) {
    const auto answer = public_json(porsche(), summary);
    std::set<std::string> keys;
    for (const auto& [key, value] : *answer) keys.insert(key);
    BOOST_TEST((keys == std::set<std::string>{"trust_light", "sentence", "hint", "indicators", "accident_status_label",
                                              "vehicle", "disclaimer"}));
    std::set<std::string> vehicle_keys;
    for (const auto& [key, value] : *answer->getObject("vehicle")) vehicle_keys.insert(key);
    BOOST_TEST((vehicle_keys == std::set<std::string>{"vehicle_class", "make", "model", "year", "engine", "vin_masked"}));
    BOOST_TEST(answer->getValue<std::string>("trust_light") == "gelb");
    BOOST_TEST(answer->getValue<std::string>("accident_status_label") == "Unfallfrei");
    BOOST_TEST(answer->getObject("indicators")->getValue<std::string>("verification") == "mittel");
    BOOST_TEST(answer->getValue<std::string>("disclaimer").find("technischen Zustand") != std::string::npos);
    BOOST_TEST(!digit_outside_vehicle(answer));  // the counts of the summary stay out
}

BOOST_AUTO_TEST_CASE(a_digit_outside_vehicle_is_refused) {
    const std::string with_digit = R"({"light":"rot","sentence":"x","hint":"Noch 3 Einträge","indicators":{}})";
    BOOST_CHECK_THROW(public_json(porsche(), with_digit), std::logic_error);
    Poco::JSON::Parser parser;
    const auto nested = parser.parse(R"({"vehicle":{"year":1999},"indicators":{"a":["ok",2]}})").extract<Poco::JSON::Object::Ptr>();
    BOOST_TEST(digit_outside_vehicle(nested));
    const auto clean = parser.parse(R"({"vehicle":{"year":1999},"indicators":{"a":["ok",true]}})").extract<Poco::JSON::Object::Ptr>();
    BOOST_TEST(!digit_outside_vehicle(clean));
}

BOOST_AUTO_TEST_CASE(win_ansi_keeps_umlauts_sharp_s_and_typographic_marks) {
    BOOST_TEST(to_win_ansi("Grün Größe ß") == "Gr\xFCn Gr\xF6\xDF" "e \xDF");
    BOOST_TEST(to_win_ansi("€ – „x“ · …") == "\x80 \x96 \x84x\x93 \xB7 \x85");
    BOOST_TEST(to_win_ansi("a\tb\nc") == "a b c");
    BOOST_TEST(to_win_ansi("日本") == "??");
    BOOST_TEST(to_win_ansi(std::string("\xC3", 1)) == "?");  // cut sequence
    BOOST_TEST(to_win_ansi(std::string("\x01", 1)) == "?");
}

BOOST_AUTO_TEST_CASE(german_labels_and_formats) {
    BOOST_TEST(light_word("gruen") == "Grün");
    BOOST_TEST(category_label("oelwechsel") == "Ölwechsel");
    BOOST_TEST(performer_label("haendler") == "Händler");
    BOOST_TEST(vehicle_class_label("sport") == "Sportwagen");
    BOOST_TEST(accident_label("nicht_unfallfrei") == "Nicht unfallfrei");
    BOOST_TEST(trust_level_label("T2") == "T2 · Im Serviceheft gestempelt");
    BOOST_TEST(german_date("2024-03-01") == "01.03.2024");
    BOOST_TEST(german_km(182400) == "182.400 km");
    BOOST_TEST(german_km(999) == "999 km");
    BOOST_TEST(german_km(1000000) == "1.000.000 km");
}

BOOST_AUTO_TEST_CASE(qr_png_is_a_png_of_the_expected_size) {
    const std::string png = ltc::qr::qr_png("https://127.0.0.1:8443/qr/abcdefghijklmnopqrstuvwx", 4, 4);
    BOOST_TEST(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    const auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
               (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    const auto width = be32(16);
    BOOST_TEST(width == be32(20));
    BOOST_TEST(width % 4 == 0u);
    BOOST_TEST(width >= (21u + 8u) * 4u);
    BOOST_CHECK_THROW(ltc::qr::qr_png("x", 0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(pdfs_are_pdf_files) {
    const std::string sticker = sticker_pdf("https://127.0.0.1:8443/qr/abcdefghijklmnopqrstuvwx");
    BOOST_TEST(sticker.substr(0, 5) == "%PDF-");
    BOOST_TEST(sticker.find("%%EOF") != std::string::npos);

    HistoryInput input;
    input.vehicle = porsche();
    input.light = "gelb";
    input.sentence = "Solide Dokumentation mit Verbesserungspotenzial.";
    input.hint = "Hinweis";
    input.printed_on = "2026-12-04";
    for (int i = 0; i < 80; ++i) {  // several pages
        input.entries.push_back({"2020-01-01", 1000 * i, "oelwechsel", "haendler", "T2",
                                 std::string("Ölwechsel bei ") + std::string(300, 'x') + "\nzweite Zeile"});
    }
    const std::string history = history_pdf(input);
    BOOST_TEST(history.substr(0, 5) == "%PDF-");
    BOOST_TEST(history.find("%%EOF") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
